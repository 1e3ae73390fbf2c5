// Reading serials off label pictures: the generated label set (every family, every degradation,
// pictures without a serial) through the library, and the rules that keep wrong readings out.
#include "label_images.h"
#include "labelscan/label_scanner.h"
#include "labelscan/text_lines.h"
#include "process_run.h"

#include <QBuffer>
#include <QFile>
#include <QImageWriter>
#include <QPainter>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <map>

using radiocode::test::writeFile;
using namespace radiocode;
using namespace radiocode::labelscan;
using namespace radiocode::labelimages;

namespace {

TextWord word(const char* text, QRectF box, int confidence = 95) {
    return {QString::fromLatin1(text), confidence, QPolygonF(box)};
}

// One line of words laid out left to right at height `y`.
TextLine line(std::initializer_list<const char*> words, double y = 0, int confidence = 95) {
    TextLine result;
    double x = 0;
    for (const char* text : words) {
        const double width = 14.0 * double(qstrlen(text));
        result.words.push_back(word(text, QRectF(x, y, width, 20), confidence));
        x += width + 12;
    }
    return result;
}

QStringList serialsOf(const ScanReport& report) {
    QStringList serials;
    for (const Reading& reading : report.readings) {
        if (reading.isSerial())
            serials << reading.serial();
    }
    return serials;
}

} // namespace

class TestLabelScan : public QObject {
    Q_OBJECT

private slots:
    // ---- the text rules, without OCR ----
    void precodeOnlyFromALineOfItsOwn() {
        QCOMPARE(serialsInLines({line({"T019"})}).size(), std::size_t(1));
        QCOMPARE(serialsInLines({line({"T019"})}).front().recognition.serial, std::string("T019"));
        QCOMPARE(serialsInLines({line({"T019", "PRECODE"})}).size(), std::size_t(1));
        // Four characters inside other text are a batch or part number, not a precode.
        QVERIFY(serialsInLines({line({"LOT", "X123", "E11"})}).empty());
        QVERIFY(serialsInLines({line({"E11", "10R-036231"})}).empty());
        // A long text ending in a precode is taken from barcodes only.
        QVERIFY(serialsInLines({line({"CM7006VE000RTBT019"})}).empty());
    }

    void serialsSpreadOverWords() {
        const auto found = serialsInLines({line({"SERIAL", "BP53876", "9672026"})});
        QCOMPARE(found.size(), std::size_t(1));
        QCOMPARE(found.front().recognition.serial, std::string("BP538769672026"));
        QCOMPARE(found.front().text, QStringLiteral("BP53876 9672026"));
        const auto label = serialsInLines({line({"815CM538769672026"})});
        QCOMPARE(label.size(), std::size_t(1));
        QCOMPARE(label.front().recognition.serial, std::string("BP538769672026"));
    }

    void confidenceIsTheLowestWord() {
        TextLine words = line({"BP53876", "9672026"});
        words.words[1].confidence = 61;
        const auto found = serialsInLines({words});
        QCOMPARE(found.size(), std::size_t(1));
        QCOMPARE(found.front().confidence, 61);
    }

    void lookAlikeLettersOnlySuggest() {
        const auto found = serialsInLines({line({"M12345O"})});
        QCOMPARE(found.size(), std::size_t(1));
        const Recognition& recognition = found.front().recognition;
        QCOMPARE(recognition.state, InputState::Invalid); // never silently fixed
        QCOMPARE(recognition.message.id, MessageId::LookAlikeLetter);
        QCOMPARE(recognition.suggestions, std::vector<std::string>{"M123450"});
    }

    void beckerFieldsCombined() {
        // Sparse text: the field names and their values come as separate lines.
        const std::vector<TextLine> lines = {
            line({"Harman/Becker"}, 0),
            {{word("Model", QRectF(0, 100, 70, 20)), word("No", QRectF(80, 100, 30, 20))}},
            {{word("BE", QRectF(180, 96, 40, 30)), word("4757", QRectF(230, 96, 80, 30), 91)}},
            {{word("Serial", QRectF(0, 160, 70, 20)), word("No", QRectF(80, 160, 30, 20))}},
            {{word("35000375", QRectF(180, 156, 160, 30), 88)}},
        };
        const auto found = serialsInLines(lines);
        QCOMPARE(found.size(), std::size_t(1));
        QCOMPARE(found.front().recognition.serial, std::string("BE475735000375"));
        QCOMPARE(found.front().recognition.state, InputState::Valid);
        QCOMPARE(found.front().beckerModel, QStringLiteral("BE 4757"));
        QCOMPARE(found.front().beckerSerialNumber, QStringLiteral("35000375"));
        QCOMPARE(found.front().confidence, 88);
        QVERIFY(found.front().where.boundingRect().contains(QPointF(250, 170)));
        // One field alone is not a serial.
        QVERIFY(serialsInLines({lines[1], lines[2]}).empty());
    }

    void partNumbersAsPrinted() {
        auto digitsOf = [](const std::vector<TextLine>& lines) {
            QStringList found;
            for (const PartNumberCandidate& candidate : partNumbersInLines(lines))
                found << candidate.digits;
            return found;
        };
        QCOMPARE(digitsOf({line({"7", "645", "384", "318"})}),
                 QStringList{QStringLiteral("7645384318")});
        QCOMPARE(digitsOf({line({"Type", "7645384318", "12V"})}),
                 QStringList{QStringLiteral("7645384318")});
        QCOMPARE(partNumbersInLines({line({"7", "645", "384", "318"})}).front().textRead,
                 QStringLiteral("7 645 384 318"));
        // Not from 76, too short or long, a letter among the digits: none (never corrected).
        QVERIFY(digitsOf({line({"8200", "633", "629"})}).isEmpty());
        QVERIFY(digitsOf({line({"7", "645", "384", "31"})}).isEmpty());
        QVERIFY(digitsOf({line({"1", "7", "645", "384", "318"})}).isEmpty());
        QVERIFY(digitsOf({line({"7", "645", "384", "318", "9"})}).isEmpty());
        QVERIFY(digitsOf({line({"7", "645", "384", "31B"})}).isEmpty());
        QVERIFY(digitsOf({line({"7", "6O5", "384", "318"})}).isEmpty());
        TextLine unsure = line({"7", "645", "384", "318"});
        unsure.words[2].confidence = 40;
        QCOMPARE(partNumbersInLines({unsure}).front().confidence, 40);
    }

    // The part number beside a Blaupunkt serial is read off the picture when asked for, only
    // when it agrees with the serial, and never on a label that has none.
    void partNumberReadOffTheLabel() {
        ScanOptions options;
        options.readPartNumber = true;
        int read = 0, blaupunkts = 0;
        for (quint32 seed = 1; seed <= 4; ++seed) {
            const Label label = drawLabel(Family::Blaupunkt, seed);
            QCOMPARE(label.partNumber.size(), 10);
            for (Degradation degradation :
                 {Degradation::Clean, Degradation::Rotated, Degradation::PhonePhoto}) {
                const ScanReport report =
                    scanImage(degraded(label.image, degradation, seed), options);
                QCOMPARE(serialsOf(report), QStringList{label.serial});
                const Reading& reading = report.readings.front();
                QCOMPARE(reading.method, ReadMethod::Barcode); // the serial stays the barcode's
                ++blaupunkts;
                if (reading.partNumber.isEmpty()) {
                    qWarning("seed %u %s: part number not read", seed,
                             degradationName(degradation));
                    continue;
                }
                QCOMPARE(reading.partNumber, label.partNumber);
                QVERIFY(reading.partNumberConfidence >= options.minTextConfidence);
                QVERIFY(!reading.partNumberWhere.isEmpty());
                ++read;
                if (degradation == Degradation::Clean)
                    QVERIFY(!reading.partNumberWhere.boundingRect().intersects(
                        reading.where.boundingRect()));
            }
        }
        qInfo("part number read on %d of %d Blaupunkt pictures", read, blaupunkts);
        QVERIFY2(read * 4 >= blaupunkts * 3, qPrintable(QString::number(read)));
        // Without asking, the barcode path alone: no part number, no text read.
        const Label label = drawLabel(Family::Blaupunkt, 1);
        const ScanReport plain = scanImage(label.image);
        QVERIFY(!plain.textRead);
        QVERIFY(plain.readings.front().partNumber.isEmpty());
        // Other families and pictures without a serial never get one.
        for (Family family : {Family::Renault, Family::Becker, Family::Visteon}) {
            const ScanReport report = scanImage(drawLabel(family, 5).image, options);
            for (const Reading& reading : report.readings)
                QVERIFY(reading.partNumber.isEmpty());
        }
        for (const Reading& reading : scanImage(drawLabelWithoutSerial(5).image, options).readings)
            QVERIFY(reading.partNumber.isEmpty());
    }

    // A part number that contradicts the serial is one of the two misread: neither is changed,
    // the part number is not offered, and the report says one was there.
    void partNumberThatDoesNotFitIsNotOffered() {
        Label label = drawLabel(Family::Blaupunkt, 2);
        QImage picture = label.image.copy();
        QPainter painter(&picture);
        painter.fillRect(QRectF(550, 70, 330, 40), QColor(251, 251, 247));
        QFont font(QStringLiteral("DejaVu Sans"));
        font.setPixelSize(22);
        painter.setFont(font);
        painter.setPen(QColor(85, 85, 85));
        const QString other = label.partNumber.left(3) +
                              (label.partNumber[3] == u'9' ? u'1' : u'9') + label.partNumber.mid(4);
        painter.drawText(QPointF(560, 100), other.left(1) + u' ' + other.mid(1, 3) + u' ' +
                                                other.mid(4, 3) + u' ' + other.mid(7));
        painter.end();
        ScanOptions options;
        options.readPartNumber = true;
        const ScanReport report = scanImage(picture, options);
        QCOMPARE(serialsOf(report), QStringList{label.serial});
        QVERIFY(report.readings.front().partNumber.isEmpty());
        QCOMPARE(report.unfittingPartNumbers, 1);
    }

    void webcamSerialMustBeSteady() {
        auto frameWith = [](std::initializer_list<const char*> serials) {
            ScanReport report;
            for (const char* serial : serials) {
                Reading reading;
                reading.recognition = finalised(recognise(serial));
                report.readings.push_back(reading);
            }
            return report;
        };
        SteadyReading steady(3);
        QVERIFY(!steady.feed(frameWith({"M123456"})));
        QVERIFY(!steady.feed(frameWith({}))); // a blurred frame neither counts nor breaks
        QVERIFY(!steady.feed(frameWith({"M123456"})));
        QVERIFY(!steady.feed(frameWith({"J727"}))); // another label: count again
        QCOMPARE(steady.streak(), 1);
        QVERIFY(!steady.feed(frameWith({"M123456", "J727"}))); // two in view: neither
        QVERIFY(steady.sawTwoSerials());
        QCOMPARE(steady.streak(), 0);
        QVERIFY(!steady.feed(frameWith({"J727"})));
        QVERIFY(!steady.feed(frameWith({"J727"})));
        const auto found = steady.feed(frameWith({"J727"}));
        QVERIFY(found);
        QCOMPARE(found->serial(), QStringLiteral("J727"));
    }

    // ---- pictures ----
    void generatedLabelsReadRight() {
        // Two small deterministic sets (two samples of every family and degradation, 16
        // pictures without a serial), so one miss is not the whole margin; the benchmark reads
        // a bigger one.
        std::vector<Sample> samples = sampleSet(1, 8, 11);
        for (Sample& sample : sampleSet(1, 8, 29)) {
            sample.name = sample.name.section(u'-', 0, -2) + QStringLiteral("-s29");
            samples.push_back(std::move(sample));
        }
        std::map<QString, std::pair<int, int>> rateByCase; // right, total
        int right = 0, labels = 0, wrong = 0, falseFromNone = 0;
        for (const Sample& sample : samples) {
            const ScanReport report = scanImage(sample.image);
            const QStringList truth = sample.label.serial.split(u',', Qt::SkipEmptyParts);
            const QStringList read = serialsOf(report);
            bool anyWrong = false;
            for (const QString& serial : read)
                anyWrong = anyWrong || !truth.contains(serial);
            if (truth.isEmpty()) {
                falseFromNone += !read.isEmpty();
                if (!read.isEmpty())
                    qWarning("%s: read %s from a picture without a serial", qPrintable(sample.name),
                             qPrintable(read.join(u' ')));
                continue;
            }
            ++labels;
            const bool ok = !anyWrong && read.contains(truth.front());
            right += ok;
            wrong += anyWrong;
            auto& [caseRight, caseTotal] = rateByCase[sample.name.section(u'-', 0, -2)];
            caseRight += ok;
            ++caseTotal;
            if (!ok)
                qWarning("%s: expected %s, read %s", qPrintable(sample.name),
                         qPrintable(sample.label.serial), qPrintable(read.join(u' ')));
        }
        for (const auto& [name, rate] : rateByCase)
            qInfo("%-24s %d/%d", qPrintable(name), rate.first, rate.second);
        qInfo("read right %d of %d labels, %d wrong, %d serials from pictures without one", right,
              labels, wrong, falseFromNone);
        QCOMPARE(wrong, 0);
        QCOMPARE(falseFromNone, 0);
        QVERIFY2(right * 100 >= labels * 95,
                 qPrintable(QStringLiteral("%1 of %2 read right").arg(right).arg(labels)));
    }

    void twoSerialsAreBothOffered() {
        const Label both = drawTwoLabels(Family::Blaupunkt, Family::Renault, 5);
        const ScanReport report = scanImage(degraded(both.image, Degradation::Clean, 5));
        QStringList read = serialsOf(report);
        read.sort();
        QStringList truth = both.serial.split(u',');
        truth.sort();
        QCOMPARE(read, truth);
    }

    void sameSerialTwiceIsOneReading() {
        // The Blaupunkt label carries its serial in the barcode and twice as text.
        const Label label = drawLabel(Family::Blaupunkt, 3);
        ScanOptions options;
        options.alwaysReadText = true;
        const ScanReport report = scanImage(degraded(label.image, Degradation::Clean, 3), options);
        QVERIFY(report.textRead);
        QCOMPARE(serialsOf(report), QStringList{label.serial});
        QCOMPARE(report.readings.front().method, ReadMethod::Barcode);
        QVERIFY(report.readings.front().timesSeen >= 2);
    }

    void nearlyEqualTextReadingsGiveNothing() {
        // One label read twice with a digit apart: one of them is wrong, and which is unknown.
        QImage picture(900, 400, QImage::Format_RGB32);
        picture.fill(Qt::white);
        QPainter painter(&picture);
        QFont font(QStringLiteral("DejaVu Sans Mono"));
        font.setPixelSize(48);
        font.setBold(true);
        painter.setFont(font);
        painter.setPen(Qt::black);
        painter.drawText(QPointF(60, 120), QStringLiteral("M123456"));
        painter.drawText(QPointF(60, 300), QStringLiteral("M123457"));
        painter.end();
        QVERIFY(serialsOf(scanImage(picture)).isEmpty());
        // Two serials far apart are two labels: both offered.
        QImage two = picture.copy();
        QPainter again(&two);
        again.fillRect(QRect(0, 200, 900, 200), Qt::white);
        again.setFont(font);
        again.setPen(Qt::black);
        again.drawText(QPointF(60, 300), QStringLiteral("M987650"));
        again.end();
        QStringList read = serialsOf(scanImage(two));
        read.sort();
        QCOMPARE(read, (QStringList{QStringLiteral("M123456"), QStringLiteral("M987650")}));
    }

    void textOnlyWhenBarcodesGiveNoSerial() {
        const Label blaupunkt = drawLabel(Family::Blaupunkt, 4);
        QVERIFY(!scanImage(blaupunkt.image).textRead);
        // Becker's barcode carries the serial number alone: the fields are read as text.
        const Label becker = drawLabel(Family::Becker, 4);
        const ScanReport report = scanImage(becker.image);
        QVERIFY(report.textRead);
        QCOMPARE(report.otherBarcodes, 1);
        QCOMPARE(serialsOf(report), QStringList{becker.serial});
        QCOMPARE(report.readings.front().method, ReadMethod::Text);
        QCOMPARE(report.readings.front().beckerSerialNumber, becker.serial.mid(6));
        QVERIFY(report.readings.front().beckerModel.endsWith(becker.serial.mid(2, 4)));
        // Without the text path nothing is read.
        ScanOptions barcodesOnly;
        barcodesOnly.readText = false;
        QVERIFY(scanImage(becker.image, barcodesOnly).readings.empty());
    }

    void whereIsInThePicturesCoordinates() {
        // A 12 MP photo is read on smaller copies; the frame must come back to the photo.
        const Label label = drawLabel(Family::Renault, 9);
        const QImage photo = degraded(label.image, Degradation::PhonePhoto, 9);
        const ScanReport report = scanImage(photo);
        QCOMPARE(serialsOf(report), QStringList{label.serial});
        const QRectF box = report.readings.front().where.boundingRect();
        QVERIFY2(QRectF(photo.rect()).contains(box), qPrintable(QStringLiteral("%1,%2 %3x%4")
                                                                    .arg(box.x())
                                                                    .arg(box.y())
                                                                    .arg(box.width())
                                                                    .arg(box.height())));
        // The label sits in the middle of the photo, about 1700 pixels wide.
        QVERIFY(box.width() > 600);
        QVERIFY(std::abs(box.center().x() - photo.width() / 2.0) < photo.width() * 0.25);
        QVERIFY(std::abs(box.center().y() - photo.height() / 2.0) < photo.height() * 0.25);
    }

    void cancelStopsTheWork() {
        const Label label = drawLabel(Family::Becker, 2);
        ScanOptions options;
        int asked = 0;
        options.isCancelled = [&asked] { return ++asked > 1; };
        const ScanReport report = scanImage(label.image, options);
        QVERIFY(report.cancelled);
        QVERIFY(report.readings.empty());
    }

    void progressRunsToTheEnd() {
        QList<int> steps;
        ScanOptions options;
        options.progress = [&steps](int percent) { steps << percent; };
        scanImage(drawLabel(Family::Visteon, 1).image, options);
        QVERIFY(!steps.isEmpty());
        QCOMPARE(steps.first(), 0);
        QCOMPARE(steps.last(), 100);
        QVERIFY(std::is_sorted(steps.begin(), steps.end()));
    }

    void emptyAndTinyPicturesReadNothing() {
        QVERIFY(scanImage(QImage()).readings.empty());
        QImage tiny(3, 3, QImage::Format_RGB32);
        tiny.fill(Qt::white);
        QVERIFY(scanImage(tiny).readings.empty());
    }

    // ---- loading ----
    void loadingSaysWhatIsWrong() {
        QTemporaryDir dir;
        QCOMPARE(loadImage(dir.filePath(QStringLiteral("missing.png"))).problem,
                 LoadProblem::NotFound);
        QCOMPARE(loadImage(dir.path()).problem, LoadProblem::NotReadable);
        const QString text = dir.filePath(QStringLiteral("notes.png"));
        writeFile(text, "serial BP538769672026\n");
        QCOMPARE(loadImage(text).problem, LoadProblem::NotAnImage);

        const Label label = drawLabel(Family::Visteon, 2);
        for (const char* format : {"PNG", "JPEG"}) {
            QByteArray bytes;
            QBuffer buffer(&bytes);
            buffer.open(QIODevice::WriteOnly);
            QVERIFY(label.image.save(&buffer, format));
            QVERIFY(loadImage(bytes).ok());
            const LoadedImage cut = loadImage(bytes.left(bytes.size() / 3));
            // A truncated file is refused, or decoded in part (JPEG fills the rest with grey):
            // either way no crash and no serial that is not there.
            if (cut.ok())
                QVERIFY(!serialsOf(scanImage(cut.image)).contains(QStringLiteral("M000000")));
            else
                QVERIFY(cut.problem == LoadProblem::Damaged ||
                        cut.problem == LoadProblem::NotAnImage);
        }
        // A header that asks for 2^31 x 2^31 pixels is refused before anything is allocated.
        const QByteArray huge("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\x7f\xff\xff\xff\x7f\xff\xff"
                              "\xff\x08\x02\0\0\0",
                              29);
        QVERIFY(!loadImage(huge).ok());
    }

    void phonePhotosAreTurnedUpright() {
        // Phones store the picture as the sensor saw it and the turn in EXIF.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("photo.jpg"));
        const Label label = drawLabel(Family::Renault, 6);
        QTransform turn;
        turn.rotate(-90);
        QImageWriter writer(path);
        writer.setTransformation(QImageIOHandler::TransformationRotate90);
        QVERIFY(writer.write(label.image.transformed(turn)));
        const LoadedImage loaded = loadImage(path);
        QVERIFY(loaded.ok());
        QCOMPARE(loaded.image.size(), label.image.size());
        QCOMPARE(serialsOf(scanImage(loaded.image)), QStringList{label.serial});
    }
};

QTEST_MAIN(TestLabelScan)
#include "tst_labelscan.moc"
