// The label drawings library on its own: the drawings parse in every language, our annotations
// follow the language while the label's own print stays, and the notes come out as text for a
// PDF with the place, size and colour the drawing gives them.
#include "common/i18n.h"
#include "drawings/label_drawing.h"

#include <QFile>
#include <QGuiApplication>
#include <QImage>
#include <QRegularExpression>
#include <QSvgRenderer>
#include <QTest>

using namespace radiocode;

namespace {

QByteArray resource(Family family) {
    QFile file(LabelDrawing::resourcePath(family));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The texts of the <text id="note-…"> elements, in document order (empty ones too).
QStringList noteTexts(const QByteArray& svg) {
    static const QRegularExpression note(
        QStringLiteral(R"(<text\b[^>]*\bid="note-[a-z0-9-]+"[^>]*>([^<]*)</text>)"));
    QStringList texts;
    for (const QRegularExpressionMatch& match : note.globalMatch(QString::fromUtf8(svg)))
        texts << match.captured(1);
    return texts;
}

const QStringList languages = {QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("tr")};

} // namespace

class TestLabelDrawings : public QObject {
    Q_OBJECT

private slots:
    void cleanup() { installTranslations(QStringLiteral("en")); }

    // Every drawing in every language parses at its size; only English is the file as drawn.
    void drawingsFollowTheLanguage() {
        for (const QString& language : languages) {
            installTranslations(language);
            for (const Family family : allFamilies) {
                const QByteArray svg = LabelDrawing::svg(family);
                QSvgRenderer renderer(svg);
                QVERIFY2(renderer.isValid(), qPrintable(language + QString::fromUtf8(svg)));
                QCOMPARE(renderer.defaultSize(), QSize(440, 230));
                const QByteArray drawn = resource(family);
                QVERIFY(!drawn.isEmpty());
                QCOMPARE(svg == drawn, language == QLatin1String("en"));
                // Only our notes change: as many note elements, the same outside them.
                QCOMPARE(noteTexts(svg).size(), noteTexts(drawn).size());
                if (language != QLatin1String("en"))
                    QVERIFY2(noteTexts(svg) != noteTexts(drawn), qPrintable(language));
            }
        }
        installTranslations(QStringLiteral("de"));
        const QString becker = QString::fromUtf8(LabelDrawing::svg(Family::Becker));
        QVERIFY2(becker.contains(QStringLiteral(">← Modell: 4 Ziffern</text>")),
                 qPrintable(becker));
        // A translation's second line goes to the element "note-serial-2".
        QVERIFY(becker.contains(QStringLiteral(">← Seriennummer:</text>")));
        QVERIFY(becker.contains(QStringLiteral(R"(id="note-serial-2")")));
        QVERIFY(becker.contains(QStringLiteral(">8 Ziffern</text>")));
        QVERIFY(becker.contains(QStringLiteral(">Serial No</text>"))); // printed on the label
        QVERIFY(!becker.contains(QStringLiteral("digits")));
    }

    // takeNotes empties every note element and returns the non-empty ones as they are drawn;
    // the drawing that is left still parses and keeps the label's own print.
    void notesComeOutAsText() {
        for (const QString& language : languages) {
            installTranslations(language);
            for (const Family family : allFamilies) {
                QByteArray svg = LabelDrawing::svg(family);
                QStringList expected = noteTexts(svg);
                expected.removeAll(QString());
                const QList<LabelDrawing::Note> notes = LabelDrawing::takeNotes(svg);
                QStringList taken;
                for (const LabelDrawing::Note& note : notes) {
                    taken << note.text.toHtmlEscaped().replace(QLatin1String("&quot;"),
                                                               QLatin1String("\""));
                    QVERIFY(note.size > 0);
                    QVERIFY(note.colour.isValid());
                    QVERIFY(QRectF(0, 0, 440, 230).contains(note.position));
                }
                QCOMPARE(taken, expected);
                for (const QString& left : noteTexts(svg))
                    QVERIFY2(left.isEmpty(), qPrintable(left));
                QVERIFY(QSvgRenderer(svg).isValid());
            }
        }
        installTranslations(QStringLiteral("en"));
        QByteArray blaupunkt = LabelDrawing::svg(Family::Blaupunkt);
        const QList<LabelDrawing::Note> notes = LabelDrawing::takeNotes(blaupunkt);
        QCOMPARE(notes.size(), 4); // the format note has two lines
        const LabelDrawing::Note& part = notes.at(0);
        QCOMPARE(part.text, QStringLiteral("PART NO. →"));
        QCOMPARE(part.position, QPointF(290, 52));
        QCOMPARE(part.size, 11.0);
        QVERIFY(part.bold);
        QCOMPARE(part.colour, QColor(0xb3, 0x5c, 0x00));
        QCOMPARE(part.anchor, Qt::AlignRight);
        QCOMPARE(notes.at(1).anchor, Qt::AlignLeft);
    }

    // A pixmap of the asked logical size at the screen's pixel ratio, with the drawing on it.
    void pixmapAtThePixelRatio() {
        for (const Family family : allFamilies) {
            for (const qreal ratio : {1.0, 1.5, 2.0}) {
                const QPixmap pixmap = LabelDrawing::pixmap(family, QSize(440, 230), ratio);
                QCOMPARE(pixmap.devicePixelRatio(), ratio);
                QCOMPARE(pixmap.size(), (QSizeF(440, 230) * ratio).toSize());
                const QImage image = pixmap.toImage();
                QVERIFY(image.pixelColor(image.width() / 2, image.height() / 2).alpha() > 0);
            }
        }
    }
};

int main(int argc, char** argv) {
    QGuiApplication app(argc, argv);
    TestLabelDrawings test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_label_drawings.moc"
