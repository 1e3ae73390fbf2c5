// The settings the desktop program and the command-line tool share: one file, named once, and
// every key in it declared once with its type.
#pragma once

#include <QByteArray>
#include <QSettings>
#include <QString>
#include <QVariant>

namespace radiocode {

// Where a key is kept. Shared keys are read by both programs, so they live in the desktop
// program's file whatever the running program is called; the desktop program's own keys
// (window, wizard, language menu) are in the running application's QSettings(), which is that
// same file in the desktop program and a file of their own in tests.
enum class SettingScope { Shared, Program };

// A key of the settings file and the type of its value.
template <typename T> struct SettingKey {
    QString path; // as in the file: "sheet/paper"
    SettingScope scope = SettingScope::Shared;
};

class Settings {
public:
    // The file is the desktop program's, also for `radiocode`, whose application name differs:
    // both must find the same workshop details, paper, language and database.
    static constexpr const char* organisation = "radiocode";
    static constexpr const char* application = "radiocode-finder";

    // Shared by both programs.
    static const SettingKey<QString> databaseUrl;
    static const SettingKey<QString> workshopName;
    static const SettingKey<QString> workshopAddress;
    static const SettingKey<QString> workshopContact;
    static const SettingKey<QString> paper; // a4, letter
    static const SettingKey<int> reminderDays;
    // The desktop program's own.
    static const SettingKey<QString> language; // en, de, tr; empty: the system's
    static const SettingKey<QByteArray> windowGeometry;
    static const SettingKey<QString> lastFamily;
    static const SettingKey<QString> lastPdfFolder;
    static const SettingKey<QString> technician;
    static const SettingKey<bool> printWithoutAsking;
    static const SettingKey<QString> cardFormat;
    // The printer used last, and its sides (duplex) option: the sheet's and the code card's
    // apart, as a card usually goes to a label printer.
    static SettingKey<QString> lastPrinter(bool codeCard);
    static SettingKey<QString> lastPrinterSides(bool codeCard);

    // Makes QSettings() (and QStandardPaths' application folders) the shared file's: for the
    // desktop program, before anything reads a setting.
    static void useSharedApplicationName();

    // The value stored under `key`, or `fallback` when there is none.
    template <typename T> static T value(const SettingKey<T>& key, const T& fallback = T()) {
        const QVariant stored = file(key.scope).value(key.path);
        return stored.isValid() ? stored.template value<T>() : fallback;
    }
    template <typename T> static bool contains(const SettingKey<T>& key) {
        return file(key.scope).contains(key.path);
    }
    template <typename T> static void setValue(const SettingKey<T>& key, const T& value) {
        QSettings settings = file(key.scope);
        settings.setValue(key.path, QVariant::fromValue(value));
        settings.sync();
    }
    template <typename T> static void remove(const SettingKey<T>& key) {
        QSettings settings = file(key.scope);
        settings.remove(key.path);
        settings.sync();
    }

private:
    static QSettings file(SettingScope scope);
};

} // namespace radiocode
