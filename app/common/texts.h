// Turns the core's plain data (message ids, entry steps, sources) into translated sentences.
// Shared by the GUI, the command-line tool and the instruction sheet so all three say the same.
#pragma once

#include "radiocode/code_source.h"
#include "radiocode/entry_steps.h"
#include "radiocode/families.h"
#include "radiocode/recognition.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace radiocode {

class Texts {
    Q_DECLARE_TR_FUNCTIONS(Texts)

public:
    static QString familyName(Family family); // brand name, as printed: "Blaupunkt"
    // "BP + 12 digits", "1 letter + 3 digits", ...: the shape a technician looks for
    static QString serialFormat(Family family);
    static QString codeOrigin(Family family); // "Code database" / "Public algorithm"
    static QString stateName(InputState state);
    static QString statusName(LookupStatus status);
    // As above, but a lookup whose code database could not be reached says so.
    static QString statusName(const LookupResult& result);

    // One sentence: what is wrong (or still missing), where, and what to do.
    static QString message(const Recognition& recognition);
    // "Did you mean BP038769672026?"
    static QString suggestion(const QString& serial);

    // "Press button 1 until the display shows 4."
    static QString digitStep(const DigitStep& step);
    static QString confirmStep(const EntrySteps& steps);
    static QString caution(Caution caution);
    static QString troubleshootingTitle(TroubleshootingItem item);
    static QString troubleshootingText(TroubleshootingItem item);

    // Where a code came from, in words: "Computed with the public Renault precode algorithm".
    static QString sourceDescription(const QString& source);
    // "This code was refused on a radio by X on DATE…", or empty when it never was.
    static QString refusedWarning(const CodeAnswer& answer);
    // The radio card's serial belongs to another radio: said instead of any code.
    static QString cardMismatch(const QString& cardSerial, const QString& radioSerial);
    // Why there is no code, and what the technician can do next.
    static QString noCodeReason(const LookupResult& result);
    static QStringList noCodeNextSteps(const LookupResult& result);

    // Where to find the serial on this family's label, and the label forms to expect.
    static QStringList labelGuideNotes(Family family);

    static QString fromUtf8(std::string_view text) {
        return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
    }
};

} // namespace radiocode
