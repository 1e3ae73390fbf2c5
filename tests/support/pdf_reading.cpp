#include "pdf_reading.h"

#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>

namespace radiocode::test {
namespace {

QString output(const QString& program, const QStringList& arguments) {
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForFinished(60000) || process.exitCode() != 0)
        return {};
    return QString::fromUtf8(process.readAllStandardOutput());
}

} // namespace

const char* missingPdfTools() {
    return QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty()
               ? "pdftotext is missing: install poppler-utils (packaging/dev.sh test does)."
               : nullptr;
}

QString pdfText(const QString& path, const QStringList& options) {
    return output(QStringLiteral("pdftotext"), options + QStringList{path, QStringLiteral("-")});
}

int pdfPages(const QString& path) {
    const QString info = output(QStringLiteral("pdfinfo"), {path});
    const auto match = QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)")).match(info);
    return match.hasMatch() ? match.captured(1).toInt() : -1;
}

QString pdfPageSize(const QString& path) {
    // "Page size: 595.276 x 841.89 pts (A4)"
    const QString info = output(QStringLiteral("pdfinfo"), {path});
    const auto match =
        QRegularExpression(QStringLiteral("Page size:\\s+([0-9.]+) x ([0-9.]+)")).match(info);
    return match.hasMatch() ? QStringLiteral("%1x%2")
                                  .arg(qRound(match.captured(1).toDouble()))
                                  .arg(qRound(match.captured(2).toDouble()))
                            : QString();
}

bool containsCode(const QString& text, const QString& code) {
    QString pattern;
    for (const QChar digit : code)
        pattern += QRegularExpression::escape(QString(digit)) + QStringLiteral("\\s*");
    return QRegularExpression(pattern).match(text).hasMatch();
}

} // namespace radiocode::test
