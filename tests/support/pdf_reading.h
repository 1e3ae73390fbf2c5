// A PDF a program wrote, read back with poppler-utils (pdftotext, pdfinfo) as a person or a
// print queue would see it.
#pragma once

#include <QString>
#include <QStringList>

namespace radiocode::test {

// Its text from `pdftotext OPTIONS FILE -` ("-raw": in the order the page draws it, "-layout":
// as laid out); empty when it cannot be read.
QString pdfText(const QString& path, const QStringList& options = {});
// How many pages pdfinfo counts; -1 when it cannot read the file.
int pdfPages(const QString& path);
// The first page's size in whole points, "241x153"; empty when it cannot read the file.
QString pdfPageSize(const QString& path);
// pdftotext puts the four code boxes apart: the digits in order, with anything blank between.
bool containsCode(const QString& text, const QString& code);

} // namespace radiocode::test
