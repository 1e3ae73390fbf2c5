// The sheet and the code card as printed, read back word by word with `pdftotext -bbox`:
// with real names (a 70-character workshop, a technician's name over three lines, 10,000
// characters of notes, words without spaces, emoji, Arabic) nothing overlaps and nothing runs
// off the page, in English, German and Turkish, on A4 and Letter; the code is on every page;
// the label drawing's annotations are text a reader can search.
#include "pdf_reading.h"

#include "common/i18n.h"
#include "sheet/instruction_sheet.h"

#include <QDir>
#include <QGuiApplication>
#include <QMap>
#include <QProcess>
#include <QRectF>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace radiocode;
using test::containsCode;
using test::pdfText;

namespace {

QString run(const QStringList& command) {
    QProcess process;
    process.start(command.first(), command.mid(1));
    if (!process.waitForFinished(60000) || process.exitCode() != 0)
        return {};
    return QString::fromUtf8(process.readAllStandardOutput());
}

struct Word {
    QRectF box;
    QString text;
};

struct Page {
    QSizeF size;
    QList<Word> words;
    QString text() const {
        QStringList parts;
        for (const Word& word : words)
            parts << word.text;
        return parts.join(QLatin1Char(' '));
    }
};

QString unescaped(QString text) {
    return text.replace(QLatin1String("&lt;"), QLatin1String("<"))
        .replace(QLatin1String("&gt;"), QLatin1String(">"))
        .replace(QLatin1String("&quot;"), QLatin1String("\""))
        .replace(QLatin1String("&apos;"), QLatin1String("'"))
        .replace(QLatin1String("&amp;"), QLatin1String("&"));
}

// Every word of every page with its box, in points.
QList<Page> pdfWords(const QString& path) {
    const QString html = pdfText(path, {QStringLiteral("-bbox")});
    static const QRegularExpression pageTag(
        QStringLiteral(R"re(<page width="([0-9.]+)" height="([0-9.]+)">)re"));
    static const QRegularExpression wordTag(QStringLiteral(
        R"re(<word xMin="([0-9.-]+)" yMin="([0-9.-]+)" xMax="([0-9.-]+)" yMax="([0-9.-]+)">([^<]*)</word>)re"));
    QList<Page> pages;
    const QStringList parts = html.split(QStringLiteral("</page>"));
    for (const QString& part : parts) {
        const auto page = pageTag.match(part);
        if (!page.hasMatch())
            continue;
        Page result;
        result.size = QSizeF(page.captured(1).toDouble(), page.captured(2).toDouble());
        for (const auto& word : wordTag.globalMatch(part)) {
            const QPointF topLeft(word.captured(1).toDouble(), word.captured(2).toDouble());
            const QPointF bottomRight(word.captured(3).toDouble(), word.captured(4).toDouble());
            result.words << Word{QRectF(topLeft, bottomRight), unescaped(word.captured(5))};
        }
        pages << result;
    }
    return pages;
}

QString repeated(const QString& sentence, int length) {
    QString text;
    while (text.size() < length)
        text += sentence;
    return text.left(length);
}

SheetContent realNames() {
    CodeFinder finder;
    SheetContent content;
    content.date = QDate(2026, 3, 14);
    content.workshopName =
        QStringLiteral("Kfz-Elektrik Müller-Lüdenscheidt & Söhne Autoradio- und Navigationsdienst");
    content.job.customer = QStringLiteral("محمد الأحمد 🚗 Ayşe");
    content.job.registration =
        QStringLiteral("Donaudampfschifffahrtsgesellschaftskapitänskajütenschlüsselbund");
    content.job.vin = QStringLiteral("SJNFAAJ10U1234567");
    content.job.technician = QStringLiteral(
        "Maximilian Alexander Friedrich-Wilhelm Graf von Hohenzollern-Sigmaringen zu "
        "Lüdenscheidt-Oberkirchen ★");
    content.job.notes =
        repeated(QStringLiteral("Radio came out of the dash with the trim removed; the customer "
                                "had the code card in the glovebox but it belonged to the old "
                                "unit. Löschen Sie nichts. "),
                 9000) +
        QStringLiteral(" ") + QString(1000, QLatin1Char('X'));
    content.result = finder.lookup("J727");
    return content;
}

} // namespace

class TestSheetLayout : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        if (const char* missing = test::missingPdfTools())
            QFAIL(missing);
        QVERIFY(dir_.isValid());
    }

    void cleanup() { installTranslations(QStringLiteral("en")); }

    void realNamesFitThePage_data() {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("format");
        for (const char* language : {"en", "de", "tr"})
            for (const char* format : {"a4", "letter"})
                QTest::addRow("%s-%s", language, format)
                    << QString::fromLatin1(language) << QString::fromLatin1(format);
    }

    void realNamesFitThePage() {
        QFETCH(QString, language);
        QFETCH(QString, format);
        installTranslations(language);
        const QString path = dir_.filePath(QStringLiteral("names-%1-%2.pdf").arg(language, format));
        QString error;
        QVERIFY2(InstructionSheet::writePdf(path, realNames(),
                                            *InstructionSheet::formatFromName(format), &error),
                 qPrintable(error));
        const QList<Page> pages = pdfWords(path);
        QVERIFY(pages.size() >= 2); // 10,000 characters of notes continue on a second page
        QString all;
        for (int p = 0; p < pages.size(); ++p) {
            const Page& page = pages.at(p);
            const QRectF sheet(QPointF(0, 0), page.size);
            for (const Word& word : page.words)
                QVERIFY2(sheet.contains(word.box),
                         qPrintable(QStringLiteral("page %1: \"%2\" runs off the page at %3,%4")
                                        .arg(p + 1)
                                        .arg(word.text)
                                        .arg(word.box.right())
                                        .arg(word.box.bottom())));
            for (qsizetype i = 0; i < page.words.size(); ++i)
                for (qsizetype j = i + 1; j < page.words.size(); ++j) {
                    const QRectF overlap = page.words.at(i).box.intersected(page.words.at(j).box);
                    // Boxes of neighbouring lines may touch; words must not run into each other.
                    QVERIFY2(overlap.width() < 0.8 || overlap.height() < 1.5,
                             qPrintable(QStringLiteral("page %1: \"%2\" overlaps \"%3\"")
                                            .arg(p + 1)
                                            .arg(page.words.at(i).text, page.words.at(j).text)));
                }
            // Every page carries the serial and the code, whatever page it ends up on.
            QVERIFY2(page.text().contains(QLatin1String("J727")), qPrintable(page.text()));
            QVERIFY2(containsCode(page.text(), QStringLiteral("6586")),
                     qPrintable(QStringLiteral("no code on page %1").arg(p + 1)));
            all += page.text() + QLatin1Char(' ');
        }
        // The values start where the longest translation of their labels ends: in the same
        // place in every language.
        static QMap<QString, qreal> vinStart;
        for (const Word& word : pages.first().words)
            if (word.text == QLatin1String("SJNFAAJ10U1234567")) {
                if (vinStart.contains(format))
                    QVERIFY2(qAbs(vinStart.value(format) - word.box.left()) < 0.5,
                             qPrintable(QStringLiteral("%1 against %2")
                                            .arg(word.box.left())
                                            .arg(vinStart.value(format))));
                vinStart.insert(format, word.box.left());
            }
        QVERIFY(vinStart.contains(format));
        // A field's label never runs into its value ("SeriennummerJ727").
        for (const char* label :
             {"Serial", "Radio", "Customer", "Registration", "VIN", "Technician", "Notes"}) {
            const QString translated = InstructionSheet::tr(label);
            QVERIFY2(!QRegularExpression(QRegularExpression::escape(translated) +
                                         QStringLiteral("(J727|Renault|SJN|Max|Donau)"))
                          .match(all)
                          .hasMatch(),
                     qPrintable(translated));
        }
        // Whole names are there; words too long for their place are cut with an ellipsis.
        QVERIFY(all.contains(QStringLiteral("Müller-Lüdenscheidt")));
        QVERIFY(all.contains(QStringLiteral("Navigationsdienst")));
        QVERIFY(all.contains(QStringLiteral("Lüdenscheidt-")));
        QVERIFY(all.contains(QStringLiteral("Ayşe")));
        QVERIFY(all.contains(QStringLiteral("★")));
        // The emoji as a plain square: a colour emoji font would leave an invisible gap.
        QVERIFY(all.contains(QStringLiteral("□")));
        QVERIFY(!run({QStringLiteral("pdffonts"), path}).contains(QLatin1String("Emoji")));
        QVERIFY(all.contains(QStringLiteral("XXXXXXXX…")));
        QVERIFY(!all.contains(QString(1000, QLatin1Char('X'))));
        QVERIFY(all.contains(QStringLiteral("Donaudampf")));
        QVERIFY(all.contains(QStringLiteral("…")));
        {
            QProcess::execute(QStringLiteral("pdftoppm"),
                              {QStringLiteral("-png"), QStringLiteral("-r"), QStringLiteral("70"),
                               path,
                               screenshotPrefix(QStringLiteral("sheet-names-") +
                                                QLatin1String(QTest::currentDataTag()))});
        }
    }

    // QtSvg draws SVG text as outlines: the sheet draws our annotations as text of its own.
    void labelNotesAreText_data() {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("serial");
        QTest::addColumn<QStringList>("notes");
        QTest::newRow("en-renault")
            << QStringLiteral("en") << QStringLiteral("J727")
            << QStringList{QStringLiteral("last 4 characters"), QStringLiteral("PRECODE"),
                           QStringLiteral("or hold buttons 1 + 6"),
                           QStringLiteral("to show it on the display")};
        QTest::newRow("en-visteon")
            << QStringLiteral("en") << QStringLiteral("M212365")
            << QStringList{QStringLiteral("SERIAL"), QStringLiteral("M + 6 digits.")};
        QTest::newRow("en-blaupunkt")
            << QStringLiteral("en") << QStringLiteral("BP934515516803")
            << QStringList{QStringLiteral("← SERIAL"), QStringLiteral("BP + 12 characters"),
                           QStringLiteral("7th: digit or letter")};
        QTest::newRow("de-becker")
            << QStringLiteral("de") << QStringLiteral("BE473912345678")
            << QStringList{QStringLiteral("← Modell: 4 Ziffern"), QStringLiteral("← Seriennummer:"),
                           QStringLiteral("8 Ziffern")};
        QTest::newRow("tr-renault")
            << QStringLiteral("tr") << QStringLiteral("J727")
            << QStringList{QStringLiteral("son 4 karakter"), QStringLiteral("ÖN KOD")};
    }

    void labelNotesAreText() {
        QFETCH(QString, language);
        QFETCH(QString, serial);
        QFETCH(QStringList, notes);
        installTranslations(language);
        CodeFinder finder;
        SheetContent content;
        const QByteArray raw = serial.toUtf8();
        content.result = finder.lookup(std::string_view(raw.constData(), std::size_t(raw.size())));
        const QString path = dir_.filePath(QStringLiteral("notes-%1-%2.pdf").arg(language, serial));
        QVERIFY(InstructionSheet::writePdf(path, content, SheetFormat::A4));
        const QString text = pdfText(path, {QStringLiteral("-raw")});
        for (const QString& note : notes)
            QVERIFY2(text.contains(note), qPrintable(note + QStringLiteral(" not in:\n") + text));
    }

    void codeCards_data() {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("size");
        QTest::newRow("card") << QStringLiteral("card") << QStringLiteral("241x153");
        QTest::newRow("label62") << QStringLiteral("label62") << QStringLiteral("176x142");
    }

    void codeCards() {
        QFETCH(QString, format);
        QFETCH(QString, size);
        for (const QString& language :
             {QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("tr")}) {
            installTranslations(language);
            for (const bool workshop : {true, false}) {
                SheetContent content = realNames();
                if (!workshop)
                    content.workshopName.clear();
                const QString path = dir_.filePath(
                    QStringLiteral("%1-%2-%3.pdf").arg(format, language).arg(workshop));
                QVERIFY(InstructionSheet::writePdf(path, content,
                                                   *InstructionSheet::formatFromName(format)));
                const QList<Page> pages = pdfWords(path);
                QCOMPARE(pages.size(), 1);
                const Page& page = pages.first();
                QCOMPARE(QStringLiteral("%1x%2")
                             .arg(qRound(page.size.width()))
                             .arg(qRound(page.size.height())),
                         size);
                const QRectF sheet(QPointF(0, 0), page.size);
                for (qsizetype i = 0; i < page.words.size(); ++i) {
                    QVERIFY2(sheet.contains(page.words.at(i).box),
                             qPrintable(page.words.at(i).text));
                    for (qsizetype j = i + 1; j < page.words.size(); ++j) {
                        const QRectF overlap =
                            page.words.at(i).box.intersected(page.words.at(j).box);
                        QVERIFY2(overlap.width() < 0.5 || overlap.height() < 1,
                                 qPrintable(page.words.at(i).text + QStringLiteral(" / ") +
                                            page.words.at(j).text));
                    }
                }
                const QString raw = pdfText(path, {QStringLiteral("-raw")});
                QVERIFY2(containsCode(raw, QStringLiteral("6586")), qPrintable(raw));
                QVERIFY(raw.contains(QStringLiteral("J727")));
                QVERIFY(raw.contains(QStringLiteral("Renault")));
                QVERIFY(raw.contains(QStringLiteral("2026-03-14")));
                QVERIFY(raw.contains(InstructionSheet::tr("Workshop")));
                QCOMPARE(raw.contains(QStringLiteral("Kfz-Elektrik")), workshop);
                if (language == QLatin1String("en"))
                    QProcess::execute(QStringLiteral("pdftoppm"),
                                      {QStringLiteral("-png"), QStringLiteral("-r"),
                                       QStringLiteral("150"), QStringLiteral("-singlefile"), path,
                                       screenshotPrefix(format + QString::number(workshop))});
            }
        }
    }

private:
    static QString screenshotPrefix(const QString& name) {
        const QString dir = QStringLiteral(RADIOCODE_BINARY_DIR "/screenshots");
        QDir().mkpath(dir);
        return dir + QLatin1Char('/') + name;
    }

    QTemporaryDir dir_;
};

int main(int argc, char** argv) {
    QGuiApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    installTranslations(QStringLiteral("en"));
    TestSheetLayout test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_sheet_layout.moc"
