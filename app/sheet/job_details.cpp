#include "sheet/job_details.h"

namespace radiocode {

VinCheck Vin::check(const QString& raw) {
    VinCheck result;
    for (const QChar c : raw) {
        if (c.isSpace() || c == QLatin1Char('-') || c == QLatin1Char('.'))
            continue;
        result.vin.append(c.toUpper());
    }
    if (result.vin.isEmpty()) {
        result.state = VinState::Empty;
        return result;
    }
    for (qsizetype i = 0; i < result.vin.size(); ++i) {
        const QChar c = result.vin.at(i);
        const bool latinLetterOrDigit = (c >= QLatin1Char('A') && c <= QLatin1Char('Z')) ||
                                        (c >= QLatin1Char('0') && c <= QLatin1Char('9'));
        if (!latinLetterOrDigit) {
            result.state = VinState::Invalid;
            result.message = tr("“%1” at character %2 cannot be part of a VIN: only letters and "
                                "digits.")
                                 .arg(c)
                                 .arg(i + 1);
            return result;
        }
        if (c == QLatin1Char('I') || c == QLatin1Char('O') || c == QLatin1Char('Q')) {
            result.state = VinState::Invalid;
            result.message =
                tr("A VIN never contains I, O or Q: character %1 is “%2”. Read it "
                   "as %3?")
                    .arg(i + 1)
                    .arg(c)
                    .arg(c == QLatin1Char('I') ? QStringLiteral("1") : QStringLiteral("0"));
            return result;
        }
    }
    if (result.vin.size() > vinLength) {
        result.state = VinState::Invalid;
        result.message = tr("Too long: a VIN has %1 characters, %2 were given.")
                             .arg(vinLength)
                             .arg(result.vin.size());
        return result;
    }
    if (result.vin.size() < vinLength) {
        result.state = VinState::Incomplete;
        result.message = tr("%n more character(s).", nullptr, int(vinLength - result.vin.size()));
        return result;
    }
    result.state = VinState::Valid;
    result.message = tr("Valid VIN.");
    return result;
}

} // namespace radiocode
