// Loading the program's translations (built into the binary) and Qt's own.
#pragma once

#include <QString>
#include <QStringList>

namespace radiocode {

// Language codes with a translation, English (the source language) first.
QStringList availableLanguages();

// Installs the translators for `language` ("de", "tr", "en"; empty: the system's language) on the
// running QCoreApplication, replacing those installed before. Returns the language now in use.
QString installTranslations(const QString& language = {});

// The language's own name for itself: "Deutsch", "Türkçe", "English".
QString languageDisplayName(const QString& language);

} // namespace radiocode
