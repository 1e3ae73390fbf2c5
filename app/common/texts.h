// Turns the core's plain data (message ids, entry steps, sources) into translated sentences.
// Shared by the GUI, the command-line tool and the instruction sheet so all three say the same.
#pragma once

#include "radiocode/code_source.h"
#include "radiocode/entry_steps.h"
#include "radiocode/families.h"
#include "radiocode/provenance.h"
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
    // An unchecked serial (a label form no rule knows) answered from the code database: the
    // warning to show beside its code. Empty for any other serial.
    static QString uncheckedNote(const LookupResult& result);
    // "Did you mean BP038769672026?"
    static QString suggestion(const QString& serial);
    // A Blaupunkt serial whose 7th character may be a letter or a digit: both readings, or the
    // one the technician read on the label.
    static QString readings(const Recognition& recognition);
    // The choice of reading: "The label shows the letter O" / "… the digit 0".
    static QString readingChoice(const Recognition& recognition, ReadingChoice reading);
    // "The code database holds the code for the reading BP551102151786." (empty: as given)
    static QString recordedReading(const LookupResult& result);
    // Part numbers as labels print them: "7 645 384 318".
    static QString partNumberDisplay(const std::string& digits);
    // The part number agreeing with the serial, as a second confirmation (empty when not).
    static QString partNumberAgreement(const Recognition& recognition);
    // The part number field's own state: "3 more digits.", "too long: …".
    static QString partNumberMessage(const Message& message, InputState state);

    // "Press station button 1 until 4 shows on the display."
    static QString digitStep(const DigitStep& step);
    static QString confirmStep(const EntryProcedure& procedure);
    static QString caution(Caution caution);
    static QString troubleshootingTitle(TroubleshootingItem item);
    static QString troubleshootingText(TroubleshootingItem item);

    // Where a code came from, in words: "Computed with the public Renault precode algorithm".
    static QString sourceDescription(const Provenance& provenance);
    // The same in a few words, for inside a sentence: "imported from dealer.csv".
    static QString sourceInBrief(const Provenance& provenance);
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

// A code as typed or read from a cell: exactly four ASCII digits, the core's isCodeShape.
bool isCodeText(const QString& text);

} // namespace radiocode
