#include "common/settings.h"

#include <QCoreApplication>

namespace radiocode {

const SettingKey<QString> Settings::language{QStringLiteral("language"), SettingScope::Program};
const SettingKey<QString> Settings::databaseUrl{QStringLiteral("database/url")};
const SettingKey<QString> Settings::workshopName{QStringLiteral("sheet/workshopName")};
const SettingKey<QString> Settings::workshopAddress{QStringLiteral("workshop/address")};
const SettingKey<QString> Settings::workshopContact{QStringLiteral("workshop/contact")};
const SettingKey<QString> Settings::paper{QStringLiteral("sheet/paper")};
const SettingKey<int> Settings::reminderDays{QStringLiteral("requests/reminderDays")};
const SettingKey<QByteArray> Settings::windowGeometry{QStringLiteral("window/geometry"),
                                                      SettingScope::Program};
const SettingKey<QString> Settings::lastFamily{QStringLiteral("wizard/lastFamily"),
                                               SettingScope::Program};
const SettingKey<QString> Settings::lastPdfFolder{QStringLiteral("sheet/lastFolder"),
                                                  SettingScope::Program};
const SettingKey<QString> Settings::technician{QStringLiteral("job/technician"),
                                               SettingScope::Program};
const SettingKey<bool> Settings::printWithoutAsking{QStringLiteral("print/withoutAsking"),
                                                    SettingScope::Program};
const SettingKey<QString> Settings::cardFormat{QStringLiteral("print/cardFormat"),
                                               SettingScope::Program};

SettingKey<QString> Settings::lastPrinter(bool codeCard) {
    return {codeCard ? QStringLiteral("print/lastCardPrinter")
                     : QStringLiteral("print/lastPrinter"),
            SettingScope::Program};
}

SettingKey<QString> Settings::lastPrinterSides(bool codeCard) {
    return {lastPrinter(codeCard).path + QStringLiteral("Sides"), SettingScope::Program};
}

void Settings::useSharedApplicationName() {
    QCoreApplication::setOrganizationName(QString::fromLatin1(organisation));
    QCoreApplication::setApplicationName(QString::fromLatin1(application));
}

QSettings Settings::file(SettingScope scope) {
    if (scope == SettingScope::Program)
        return QSettings();
    return QSettings(QString::fromLatin1(organisation), QString::fromLatin1(application));
}

} // namespace radiocode
