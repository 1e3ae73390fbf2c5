// What a technician may note about the job; printed on the instruction sheet and (with the
// database) saved in the job log.
#pragma once

#include <QCoreApplication>
#include <QString>

namespace radiocode {

struct JobDetails {
    QString customer;
    QString registration; // the vehicle's number plate
    QString vin;          // normalised by checkVin when valid
    QString technician;
    QString notes;

    bool isEmpty() const {
        return customer.isEmpty() && registration.isEmpty() && vin.isEmpty() &&
               technician.isEmpty() && notes.isEmpty();
    }
};

enum class VinState { Empty, Incomplete, Valid, Invalid };

struct VinCheck {
    VinState state = VinState::Empty;
    QString vin;     // upper case, spaces and dashes dropped
    QString message; // what is wrong and where; a hint while incomplete
};

// A VIN has 17 characters, letters and digits, never I, O or Q (they read as 1 and 0).
inline constexpr int vinLength = 17;

class Vin {
    Q_DECLARE_TR_FUNCTIONS(Vin)

public:
    static VinCheck check(const QString& raw);
};

} // namespace radiocode
