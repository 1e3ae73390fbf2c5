// The code request: a letter a Nissan dealer or the Blaupunkt/Becker service accepts when the
// code database has no code. The workshop, the vehicle, the radio, the proof of ownership to
// enclose and the owner's signature. Nothing is filled in that was not given: an empty field is
// a line to write on by hand. One renderer for the GUI (print, PDF) and `radiocode request`.
#pragma once

#include "sheet/instruction_sheet.h"

#include "radiocode/families.h"

#include <QCoreApplication>
#include <QDate>
#include <QImage>
#include <QString>

class QPagedPaintDevice;

namespace radiocode {

// The workshop as the request names it; kept in the settings the GUI and the CLI share. The
// name is the one printed on the instruction sheet.
struct WorkshopDetails {
    QString name;
    QString address; // several lines
    QString contact; // phone, e-mail

    static WorkshopDetails saved();
    void save() const;
};

// After how many days a code request still unanswered is worth a reminder (a setting; 0: none).
int savedReminderDays();
void saveReminderDays(int days);
inline constexpr int defaultReminderDays = 7;

struct RequestContent {
    WorkshopDetails workshop;
    QString recipient; // the dealer or service asked; may be empty
    QString reference; // the workshop's job number, for the answer; may be empty
    QDate date;
    Family family = Family::Blaupunkt;
    QString serial;
    QString partNumber; // Blaupunkt part ("type") number, as given
    QString vin;
    QString registration;
    QString owner;     // the customer
    QImage labelPhoto; // the radio's label, when a photo was taken
};

class RequestLetter {
    Q_DECLARE_TR_FUNCTIONS(RequestLetter)

public:
    static bool render(QPagedPaintDevice& device, const RequestContent& content);
    static bool writePdf(const QString& path, const RequestContent& content, PaperSize paper,
                         QString* error = nullptr);
    static QString title();
    // A Blaupunkt part number as printed ("7 645 384 318"): 10 digits from 7 6, whose 4th to 7th
    // digits are the serial's 3rd to 6th characters. Empty when it fits (or none was given, or
    // the radio is no Blaupunkt), else what is wrong: one of the two was misread.
    static QString partNumberProblem(const QString& given, Family family, const QString& serial);
};

} // namespace radiocode
