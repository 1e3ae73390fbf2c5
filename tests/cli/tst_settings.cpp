// The settings module: typed keys, the shared file both programs read whatever the running
// program is called, and the libraries reading what it wrote.
#include "common/settings.h"
#include "sheet/instruction_sheet.h"
#include "sheet/request_letter.h"
#include "storage/database_location.h"

#include <QCoreApplication>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace radiocode;

class TestSettings : public QObject {
    Q_OBJECT

    QString sharedFile() const {
        return qEnvironmentVariable("XDG_CONFIG_HOME") +
               QStringLiteral("/radiocode/radiocode-finder.conf");
    }

private slots:
    void initTestCase() {
        QCoreApplication::setOrganizationName(QStringLiteral("radiocode-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_settings"));
    }

    void typedValuesAndFallbacks() {
        QCOMPARE(Settings::value(Settings::reminderDays, 7), 7);
        QVERIFY(!Settings::contains(Settings::reminderDays));
        Settings::setValue(Settings::reminderDays, 3);
        QCOMPARE(Settings::value(Settings::reminderDays, 7), 3);
        Settings::remove(Settings::reminderDays);
        QCOMPARE(Settings::value(Settings::reminderDays, 7), 7);
        Settings::setValue(Settings::printWithoutAsking, true);
        QCOMPARE(Settings::value(Settings::printWithoutAsking), true);
        const QByteArray geometry("\x01\x02\x00\xff", 4);
        Settings::setValue(Settings::windowGeometry, geometry);
        QCOMPARE(Settings::value(Settings::windowGeometry), geometry);
        QVERIFY(Settings::lastPrinter(true).path != Settings::lastPrinter(false).path);
        QCOMPARE(Settings::lastPrinterSides(false).path, QStringLiteral("print/lastPrinterSides"));
    }

    // Shared keys go to the desktop program's file under any application name (the CLI's is
    // "radiocode"); the desktop program's own keys to the running application's.
    void sharedAndProgramFiles() {
        Settings::setValue(Settings::workshopName, QStringLiteral("Oto Usta"));
        Settings::setValue(Settings::language, QStringLiteral("tr"));
        QSettings shared(sharedFile(), QSettings::IniFormat);
        QCOMPARE(shared.value(QStringLiteral("sheet/workshopName")).toString(),
                 QStringLiteral("Oto Usta"));
        QVERIFY(!shared.contains(QStringLiteral("language")));
        QCOMPARE(QSettings().value(QStringLiteral("language")).toString(), QStringLiteral("tr"));
        QVERIFY(!QSettings().contains(QStringLiteral("sheet/workshopName")));
    }

    // The libraries read the keys through the module: what one writes, the others find.
    void librariesReadTheSameKeys() {
        Settings::setValue(Settings::workshopName, QStringLiteral("Kartal Servis"));
        QCOMPARE(InstructionSheet::savedWorkshopName(), QStringLiteral("Kartal Servis"));
        InstructionSheet::savePaper(PaperSize::Letter);
        QCOMPARE(Settings::value(Settings::paper), QStringLiteral("letter"));
        QCOMPARE(InstructionSheet::savedPaper(), PaperSize::Letter);
        saveReminderDays(12);
        QCOMPARE(Settings::value(Settings::reminderDays), 12);
        QCOMPARE(savedReminderDays(), 12);
        storage::DatabaseUrl::setSettingsUrl(QStringLiteral(" sqlite:/tmp/x.db "));
        QCOMPARE(Settings::value(Settings::databaseUrl), QStringLiteral("sqlite:/tmp/x.db"));
        storage::DatabaseUrl::setSettingsUrl(QString());
        QVERIFY(!Settings::contains(Settings::databaseUrl));
        QVERIFY(storage::DatabaseUrl::defaultPath().endsWith(
            QStringLiteral("/radiocode/radiocode-finder/radiocode.db")));
    }

    // The desktop program takes the shared names: its own keys then share the file too.
    void desktopProgramUsesTheSharedFile() {
        Settings::useSharedApplicationName();
        Settings::setValue(Settings::lastFamily, QStringLiteral("becker"));
        QSettings shared(sharedFile(), QSettings::IniFormat);
        QCOMPARE(shared.value(QStringLiteral("wizard/lastFamily")).toString(),
                 QStringLiteral("becker"));
    }
};

int main(int argc, char** argv) {
    const QTemporaryDir home;
    qputenv("XDG_CONFIG_HOME", home.filePath(QStringLiteral("config")).toUtf8());
    QCoreApplication app(argc, argv);
    TestSettings test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_settings.moc"
