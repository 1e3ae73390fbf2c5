// What the suites that check printed PDFs share: reading them back as text with poppler-utils
// (pdftotext, pdfinfo), as a technician's viewer or a search would see them.
#pragma once

#include <QString>
#include <QStringList>

namespace radiocode::test {

// Null when pdftotext is on the PATH, else what to install (for QFAIL in initTestCase).
const char* missingPdfTools();

// `pdftotext <options> path -`: the text; empty when it fails or takes over a minute.
QString pdfText(const QString& path, const QStringList& options = {});
// The number of pages from pdfinfo; -1 when it cannot tell.
int pdfPages(const QString& path);
// The first page's size in whole points, "595x842" (A4); empty when pdfinfo cannot tell.
QString pdfPageSize(const QString& path);

// Whether `text` holds `code`: pdftotext may put spaces between the code's digit boxes.
bool containsCode(const QString& text, const QString& code);

} // namespace radiocode::test
