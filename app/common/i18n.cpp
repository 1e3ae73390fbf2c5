#include "common/i18n.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include <memory>

namespace radiocode {
namespace {

std::unique_ptr<QTranslator>& programTranslator() {
    static std::unique_ptr<QTranslator> translator;
    return translator;
}

std::unique_ptr<QTranslator>& qtTranslator() {
    static std::unique_ptr<QTranslator> translator;
    return translator;
}

QString matchingLanguage(const QString& requested) {
    const QStringList languages = availableLanguages();
    if (!requested.isEmpty()) {
        const QString code = requested.left(2).toLower();
        return languages.contains(code) ? code : QStringLiteral("en");
    }
    for (const QString& uiLanguage : QLocale::system().uiLanguages()) {
        const QString code = uiLanguage.left(2).toLower();
        if (languages.contains(code))
            return code;
    }
    return QStringLiteral("en");
}

} // namespace

QStringList availableLanguages() {
    return {QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("tr")};
}

QString installTranslations(const QString& language) {
    const QString code = matchingLanguage(language);
    for (auto* slot : {&programTranslator(), &qtTranslator()}) {
        if (*slot) {
            QCoreApplication::removeTranslator(slot->get());
            slot->reset();
        }
    }
    auto program = std::make_unique<QTranslator>();
    if (program->load(QStringLiteral(":/i18n/radiocode_%1.qm").arg(code))) {
        QCoreApplication::installTranslator(program.get());
        programTranslator() = std::move(program);
    }
    auto qt = std::make_unique<QTranslator>();
    if (code != QLatin1String("en") &&
        qt->load(QStringLiteral("qtbase_%1").arg(code),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt.get());
        qtTranslator() = std::move(qt);
    }
    QLocale::setDefault(QLocale(code));
    return code;
}

QString languageDisplayName(const QString& language) {
    if (language == QLatin1String("en"))
        return QStringLiteral("English");
    const QString name = QLocale(language).nativeLanguageName();
    return name.isEmpty() ? language : name.left(1).toUpper() + name.mid(1);
}

} // namespace radiocode
