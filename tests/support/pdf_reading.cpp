#include "pdf_reading.h"

#include "process_run.h"

#include <QRegularExpression>

namespace radiocode::test {
namespace {

QString pdfInfo(const QString& path) {
    return QString::fromUtf8(
        runProcess(QStringLiteral("pdfinfo"), {path}, RunOptions().timeoutMs(60000)).out);
}

} // namespace

QString pdfText(const QString& path, const QStringList& options) {
    return QString::fromUtf8(runProcess(QStringLiteral("pdftotext"),
                                        options + QStringList{path, QStringLiteral("-")},
                                        RunOptions().timeoutMs(60000))
                                 .out);
}

int pdfPages(const QString& path) {
    const auto match = QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)")).match(pdfInfo(path));
    return match.hasMatch() ? match.captured(1).toInt() : -1;
}

QString pdfPageSize(const QString& path) {
    const auto match = QRegularExpression(QStringLiteral("Page size:\\s+([0-9.]+) x ([0-9.]+)"))
                           .match(pdfInfo(path));
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
