// The desktop program's photo path: "Read from a photo…", a dropped picture file, Ctrl+V of a
// picture; the dialog frames what it found, and one click takes it into the serial page.
#include "window_suite_main.h"

#include "common/i18n.h"
#include "gui/database/history_window.h"
#include "gui/database/label_photo_viewer.h"
#include "gui/database/no_code_actions.h"
#include "gui/family_page.h"
#include "gui/finder_program.h"
#include "gui/labelscan/label_scan_integration.h"
#include "gui/labelscan/photo_reader_dialog.h"
#include "gui/labelscan/webcam_dialog.h"
#include "gui/serial_entry_page.h"
#include "gui/serial_widgets.h"
#include "label_images.h"
#include "pdf_reading.h"
#include "process_run.h"
#include "storage/job_pictures.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QGraphicsView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMimeData>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using radiocode::test::writeFile;
using namespace radiocode;
using namespace radiocode::gui;
using namespace radiocode::labelimages;

namespace {

// Frames as a test gives them: push() one, fail() to pull the plug.
class FedFrames : public FrameSource {
public:
    static inline FedFrames* current = nullptr;
    FedFrames() { current = this; }
    ~FedFrames() override {
        if (current == this)
            current = nullptr;
    }
    void start() override { started = true; }
    void stop() override { started = false; }
    void push(const QImage& frame) { emit frameArrived(frame); }
    void fail(Failure failure) { emit failed(failure); }
    bool started = false;
};

} // namespace

class TestPhotoReading : public QObject {
    Q_OBJECT

    std::unique_ptr<FinderProgram> program_;
    QTemporaryDir dir_;
    bool cameraConnected_ = true;

    MainWindow& window() { return program_->window(); }
    LabelScanIntegration& scan() { return program_->labelScan(); }

    bool waitForReading() {
        PhotoReaderDialog* dialog = scan().dialog();
        if (!dialog)
            return false;
        if (dialog->isReading()) {
            QSignalSpy finished(dialog, &PhotoReaderDialog::readingFinished);
            if (!finished.wait(60000))
                return false;
        }
        return !dialog->isReading();
    }

    // Reads `image` in the photo dialog and takes its only reading, the picture kept or not.
    bool readAndTake(const QImage& image, bool keep) {
        scan().readImage(image, QStringLiteral("label"));
        if (!waitForReading() || scan().dialog()->readings().empty())
            return false;
        PhotoReaderDialog* dialog = scan().dialog();
        if (!dialog->keepPictureBox()->isVisible())
            return false;
        dialog->keepPictureBox()->setChecked(keep);
        QTest::mouseClick(dialog->useButton(), Qt::LeftButton);
        return window().currentPage() == MainWindow::Page::SerialEntry;
    }

    storage::Database& database() { return *program_->database().session().database(); }

    QString pdfText(const QByteArray& pdf) {
        return radiocode::test::pdfText(writeFile(dir_.filePath(QStringLiteral("sheet.pdf")), pdf),
                                        {QStringLiteral("-layout")});
    }

    QString save(const QString& name, const QImage& image) {
        const QString path = dir_.filePath(name);
        return image.save(path) ? path : QString();
    }

private slots:
    void init() {
        QSettings().clear();
        installTranslations(QStringLiteral("en"));
        program_ = std::make_unique<FinderProgram>();
        scan().setFrameSources([] { return std::make_unique<FedFrames>(); },
                               [this] { return cameraConnected_; });
        window().resize(1200, 760);
        window().show();
        QVERIFY(QTest::qWaitForWindowExposed(&window()));
    }

    void cleanup() { program_.reset(); }

    // The picture the serial was read from goes with the job: scaled down, stored with it,
    // printed on the sheet, shown from the history and back with the reopened job.
    void pictureGoesWithTheJob() {
        const Label label = drawLabel(Family::Renault, 41);
        const QImage phonePhoto = degraded(label.image, Degradation::PhonePhoto, 41);
        scan().readImage(phonePhoto, QStringLiteral("photo"));
        QVERIFY(scan().dialog()->keepPictureBox()->isChecked()); // on by default
        QVERIFY(readAndTake(phonePhoto, true));
        QVERIFY(window().lookUpEntry());
        QCOMPARE(window().currentPage(), MainWindow::Page::Result);
        const LabelPhoto photo = window().currentLabelPhoto();
        QVERIFY(!photo.isNull());
        const QImage kept = photo.image();
        QCOMPARE(std::max(kept.width(), kept.height()), LabelPhoto::maxSide);
        QVERIFY2(photo.jpeg.size() <= LabelPhoto::targetBytes,
                 qPrintable(QString::number(photo.jpeg.size())));
        QVERIFY(photo.jpeg.size() > 20 * 1024); // a picture of the label, not a thumbnail
        QCOMPARE(photo.serialRead, label.serial);
        // The frame is scaled with the picture: it lies inside it, around the barcode.
        QVERIFY(photo.serialFrame.size() >= 4);
        QVERIFY(QRectF(kept.rect()).contains(photo.serialFrame.boundingRect()));
        QVERIFY(!window().currentSheet().labelPhoto.isNull());
        // Printed cut to the label: the phone photo shows the bench around it.
        const QImage printed = photo.printedImage();
        QVERIFY2(printed.width() < kept.width() &&
                     printed.width() > photo.serialFrame.boundingRect().width(),
                 qPrintable(QStringLiteral("%1 of %2").arg(printed.width()).arg(kept.width())));

        QVERIFY(program_->database().saveJob());
        const qint64 id = program_->database().currentJobId();
        QVERIFY(id > 0);
        QString error;
        const auto stored = storage::jobPicture(database(), id, &error);
        QVERIFY2(stored, qPrintable(error));
        QVERIFY(stored->jpeg == photo.jpeg);
        QCOMPARE(stored->serialRead, label.serial);
        QCOMPARE(stored->serialFrame.size(), photo.serialFrame.size());

        // The sheet has the photo box, the serial read off it under the picture.
        const QString sheet =
            pdfText(InstructionSheet::pdf(window().currentSheet(), SheetFormat::A4));
        QVERIFY2(sheet.contains(QStringLiteral("Label photo")), qPrintable(sheet));
        QVERIFY(sheet.contains(QStringLiteral("Serial read off it: ") + label.serial));

        // A new radio: no photo any more; the history shows it and brings it back.
        window().newRadio();
        QVERIFY(window().currentLabelPhoto().isNull());
        QVERIFY(!pdfText(InstructionSheet::pdf(window().currentSheet(), SheetFormat::A4))
                     .contains(QStringLiteral("Label photo")));
        program_->database().openHistory();
        HistoryWindow* history = program_->database().historyWindow();
        QVERIFY(history);
        history->table()->selectRow(0);
        QCOMPARE(history->selectedJob()->id, id);
        QVERIFY(history->labelPhotoButton()->isEnabled());
        QVERIFY(!history->table()->item(0, 2)->icon().isNull());
        auto* viewer = qobject_cast<LabelPhotoViewer*>(history->showLabelPhoto());
        QVERIFY(viewer);
        QVERIFY(!viewer->pictureLabel()->pixmap().isNull());
        QVERIFY(viewer->captionLabel()->text().contains(label.serial));
        viewer->close();
        QTest::mouseClick(history->reopenButton(), Qt::LeftButton);
        QCOMPARE(window().currentLabelPhoto().jpeg, photo.jpeg);
        QVERIFY(pdfText(InstructionSheet::pdf(window().currentSheet(), SheetFormat::A4))
                    .contains(QStringLiteral("Label photo")));
        history->close();
    }

    // Unticked, or a serial typed for another radio after the photo: no picture goes with it.
    void pictureOnlyWhenKeptAndForItsRadio() {
        const Label first = drawLabel(Family::Visteon, 42);
        QVERIFY(readAndTake(first.image, false));
        QVERIFY(window().lookUpEntry());
        QVERIFY(window().currentLabelPhoto().isNull());
        QVERIFY(program_->database().saveJob());
        QVERIFY(!storage::jobPicture(database(), program_->database().currentJobId()));
        // The choice is remembered, for the webcam too.
        program_ = std::make_unique<FinderProgram>();
        scan().setFrameSources([] { return std::make_unique<FedFrames>(); }, [] { return true; });
        window().show();
        QVERIFY(QTest::qWaitForWindowExposed(&window()));
        scan().readImage(first.image, QStringLiteral("again"));
        QVERIFY(!scan().dialog()->keepPictureBox()->isChecked());
        QVERIFY(waitForReading());
        scan().dialog()->reject();
        QTest::mouseClick(scan().familyWebcamButton(), Qt::LeftButton);
        QVERIFY(!scan().webcamDialog()->keepPictureBox()->isChecked());
        scan().webcamDialog()->reject();

        const Label second = drawLabel(Family::Visteon, 43);
        QVERIFY(second.serial != first.serial);
        QVERIFY(readAndTake(second.image, true));
        QVERIFY(!window().labelPhoto().isNull());
        window().serialEntryPage()->setSerialText(first.serial); // another radio after all
        QVERIFY(window().lookUpEntry());
        QVERIFY(window().currentLabelPhoto().isNull());
        QVERIFY(window().currentSheet().labelPhoto.isNull());
        QVERIFY(program_->database().saveJob());
        QVERIFY(!storage::jobPicture(database(), program_->database().currentJobId()));
    }

    // The code request for a radio without a code carries the photo, and its job keeps it.
    void pictureOnTheCodeRequest() {
        const Label label = drawLabel(Family::Blaupunkt, 44);
        QVERIFY(readAndTake(degraded(label.image, Degradation::Rotated, 44), true));
        QVERIFY(window().lookUpEntry());
        NoCodeActions* noCode = program_->database().noCodeActions();
        QVERIFY(noCode);
        const RequestContent request = noCode->requestFor();
        QVERIFY(!request.labelPhoto.isNull());
        // The part number read with the serial (when it was) fills the letter's field.
        QCOMPARE(request.partNumber, scan().dialog()->readings().front().partNumber);
        QString error;
        const QString pdf = dir_.filePath(QStringLiteral("request.pdf"));
        QVERIFY2(noCode->saveRequest(request, QStringLiteral("en"), pdf, &error),
                 qPrintable(error));
        QVERIFY(storage::jobPicture(database(), noCode->lastRequestJob()));
        QProcess images;
        images.start(QStringLiteral("pdfimages"), {QStringLiteral("-list"), pdf});
        QVERIFY(images.waitForFinished(30000));
        // A header line, a rule, then one line per picture: the label photo.
        QVERIFY2(images.readAllStandardOutput().split('\n').size() >= 4, "no picture in the PDF");
    }

    // The Blaupunkt part number printed beside the serial is shown with it in the dialog and
    // taken into the part-number field with it, where the serial page checks the two.
    void partNumberShownAndTakenWithTheSerial() {
        const Label label = drawLabel(Family::Blaupunkt, 45);
        scan().readImage(label.image, QStringLiteral("blaupunkt"));
        QVERIFY(waitForReading());
        PhotoReaderDialog* dialog = scan().dialog();
        QCOMPARE(dialog->readingList()->count(), 1);
        QCOMPARE(dialog->readings().front().partNumber, label.partNumber);
        const QString printed = label.partNumber.left(1) + u' ' + label.partNumber.mid(1, 3) +
                                u' ' + label.partNumber.mid(4, 3) + u' ' + label.partNumber.mid(7);
        QVERIFY2(dialog->readingList()->item(0)->text().contains(QStringLiteral("Part number ") +
                                                                 printed),
                 qPrintable(dialog->readingList()->item(0)->text()));
        QTest::mouseClick(dialog->useButton(), Qt::LeftButton);
        QCOMPARE(window().serialEntryPage()->serialText(), label.serial);
        QCOMPARE(window().serialEntryPage()->partNumberEdit()->text(), label.partNumber);
        QVERIFY(window().serialEntryPage()->recognition().partNumberAgrees);
        // A label of another family fills no part number, and clears the last one.
        const Label renault = drawLabel(Family::Renault, 45);
        QVERIFY(readAndTake(renault.image, true));
        QVERIFY(window().serialEntryPage()->partNumberEdit()->text().isEmpty());
    }

    void buttonsOnTheFirstAndSerialPages() {
        QVERIFY(scan().familyPageButton());
        QVERIFY(scan().familyPageButton()->isVisible());
        QCOMPARE(scan().familyPageButton()->text(), QStringLiteral("Read from a photo…"));
        // The serial page arrives after the first frame, its button with it.
        QTRY_VERIFY(scan().serialPageButton() != nullptr);
        window().chooseFamily(Family::Visteon);
        window().showPage(MainWindow::Page::SerialEntry);
        QVERIFY(scan().serialPageButton()->isVisible());
    }

    void photoFramedAndTakenIntoTheWizard() {
        const Label label = drawLabel(Family::Renault, 31);
        const QString path =
            save(QStringLiteral("renault.jpg"), degraded(label.image, Degradation::Rotated, 31));
        scan().readFile(path);
        PhotoReaderDialog* dialog = scan().dialog();
        QVERIFY(dialog && dialog->isVisible());
        QVERIFY(waitForReading());
        QCOMPARE(dialog->readingList()->count(), 1);
        QVERIFY(dialog->readingList()->item(0)->text().startsWith(label.serial));
        QCOMPARE(dialog->framedReadings(), 1);
        QVERIFY(
            dialog->stateLabel()->text().contains(QStringLiteral("Check it against the label")));
        // Zoom works from the keyboard too.
        const double before = dialog->pictureView()->transform().m11();
        dialog->zoomIn();
        QVERIFY(dialog->pictureView()->transform().m11() > before);

        QVERIFY(dialog->useButton()->isEnabled());
        QTest::mouseClick(dialog->useButton(), Qt::LeftButton);
        QCOMPARE(window().currentPage(), MainWindow::Page::SerialEntry);
        QCOMPARE(window().serialEntryPage()->family(), Family::Renault);
        QCOMPARE(window().serialEntryPage()->serialText(), label.serial);
        // Nothing was looked up: the technician confirms on the serial page.
        QVERIFY(window().serialEntryPage()->recognition().isValid());
    }

    void beckerFillsBothFields() {
        const Label label = drawLabel(Family::Becker, 32);
        scan().readImage(label.image, QStringLiteral("becker"));
        QVERIFY(waitForReading());
        PhotoReaderDialog* dialog = scan().dialog();
        QCOMPARE(dialog->readingList()->count(), 1);
        QTest::mouseClick(dialog->useButton(), Qt::LeftButton);
        QCOMPARE(window().serialEntryPage()->family(), Family::Becker);
        QCOMPARE(window().serialEntryPage()->beckerSerialEdit()->text(), label.serial.mid(6));
        QVERIFY(
            window().serialEntryPage()->beckerModelEdit()->text().contains(label.serial.mid(2, 4)));
    }

    void nothingFoundSaysSo() {
        scan().readImage(drawLabelWithoutSerial(33).image, QStringLiteral("other"));
        QVERIFY(waitForReading());
        PhotoReaderDialog* dialog = scan().dialog();
        QCOMPARE(dialog->readingList()->count(), 0);
        QVERIFY(!dialog->useButton()->isEnabled());
        QVERIFY(dialog->stateLabel()->text().startsWith(QStringLiteral("No serial found")));
    }

    void fileThatCannotBeOpened() {
        const QString path = dir_.filePath(QStringLiteral("broken.png"));
        writeFile(path, "\x89PNG\r\n\x1a\n broken");
        scan().readFile(path);
        PhotoReaderDialog* dialog = scan().dialog();
        QVERIFY(!dialog->isReading());
        QVERIFY2(dialog->stateLabel()->text().contains(path),
                 qPrintable(dialog->stateLabel()->text()));
        QVERIFY(!dialog->useButton()->isEnabled());
    }

    // A second picture while the first is still being read: the first's late answer (stopped)
    // never shows for the second.
    void secondPictureWhileReading() {
        const Label becker = drawLabel(Family::Becker, 46);
        scan().readImage(degraded(becker.image, Degradation::PhonePhoto, 46),
                         QStringLiteral("first"));
        PhotoReaderDialog* dialog = scan().dialog();
        QVERIFY(dialog->isReading());
        QTest::qWait(50);
        const Label renault = drawLabel(Family::Renault, 46);
        scan().readImage(renault.image, QStringLiteral("second"));
        QVERIFY(waitForReading());
        QTest::qWait(100); // anything still queued arrives
        QCOMPARE(dialog->readings().size(), std::size_t(1));
        QCOMPARE(dialog->readings().front().serial(), renault.serial);
        QVERIFY(!dialog->stateLabel()->text().startsWith(QStringLiteral("Reading stopped")));
    }

    void cancelWhileReading() {
        // Becker goes on to the text path, which takes long enough to stop.
        const Label label = drawLabel(Family::Becker, 34);
        scan().readImage(degraded(label.image, Degradation::PhonePhoto, 34),
                         QStringLiteral("photo"));
        PhotoReaderDialog* dialog = scan().dialog();
        QVERIFY(dialog->isReading());
        QVERIFY(dialog->cancelReadingButton()->isVisible());
        QTest::mouseClick(dialog->cancelReadingButton(), Qt::LeftButton);
        QVERIFY(waitForReading());
        QVERIFY(dialog->stateLabel()->text().startsWith(QStringLiteral("Reading stopped")));
        QCOMPARE(dialog->readingList()->count(), 0);
    }

    void droppedPictureFile() {
        const Label label = drawLabel(Family::Visteon, 35);
        const QString path = save(QStringLiteral("visteon.png"), label.image);
        // Dropped onto the serial field of the first page: the picture is read, not the path typed.
        QWidget* target =
            window().familyPage()->findChild<QLineEdit*>(QStringLiteral("notSureField"));
        QVERIFY(target);
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(path)});
        mime.setText(path);
        QDragEnterEvent enter(QPoint(5, 5), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(target, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(5, 5), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(target, &drop);
        QVERIFY(scan().dialog());
        QVERIFY(waitForReading());
        QCOMPARE(scan().dialog()->readings().front().serial(), label.serial);
        QVERIFY(static_cast<QLineEdit*>(target)->text().isEmpty());
    }

    void webcamFramesUntilSteady() {
        const Label label = drawLabel(Family::Visteon, 37); // 37 % 3 == 1: Code39
        const Label other = drawLabel(Family::Renault, 37);
        QTest::mouseClick(scan().familyWebcamButton(), Qt::LeftButton);
        WebcamDialog* dialog = scan().webcamDialog();
        QVERIFY(dialog && dialog->isVisible());
        QVERIFY(FedFrames::current && FedFrames::current->started);
        // Webcam frames of the label, now and then one of another label passing by.
        const QImage frame = degraded(label.image, Degradation::WebcamFrame, 37);
        const QImage passing = degraded(other.image, Degradation::WebcamFrame, 38);
        int pushed = 0;
        for (int round = 0; round < 40 && !dialog->steadyReading(); ++round) {
            const int before = dialog->framesRead();
            // Several frames arrive while one is read: all are shown, one is read.
            for (int i = 0; i < 5; ++i, ++pushed)
                FedFrames::current->push(round == 1 ? passing : frame);
            QTRY_VERIFY_WITH_TIMEOUT(dialog->framesRead() > before, 30000);
        }
        QVERIFY(dialog->steadyReading());
        QCOMPARE(dialog->steadyReading()->serial(), label.serial);
        QCOMPARE(dialog->framesShown(), pushed);
        QVERIFY(dialog->framesRead() < pushed);
        QVERIFY(dialog->framesRead() >= 4); // 3 in a row after the passing label
        QVERIFY(dialog->useButton()->isEnabled());
        QTest::mouseClick(dialog->useButton(), Qt::LeftButton);
        QCOMPARE(window().currentPage(), MainWindow::Page::SerialEntry);
        QCOMPARE(window().serialEntryPage()->serialText(), label.serial);
        // The frame the serial was read from goes with the job, its frame on it.
        QVERIFY(!window().labelPhoto().isNull());
        QCOMPARE(window().labelPhoto().image().size(), frame.size());
        QCOMPARE(window().labelPhoto().serials.first(), label.serial);
        QVERIFY(!window().labelPhoto().serialFrame.isEmpty());
    }

    void webcamUnpluggedMidPreview() {
        QTest::mouseClick(scan().familyWebcamButton(), Qt::LeftButton);
        WebcamDialog* dialog = scan().webcamDialog();
        QVERIFY(dialog);
        FedFrames::current->push(drawLabelWithoutSerial(39).image);
        FedFrames::current->fail(FrameSource::Failure::CameraGone);
        QVERIFY(dialog->stateLabel()->text().contains(QStringLiteral("disconnected")));
        QVERIFY(dialog->retryButton()->isVisible());
        // The dialog stays usable: try again, or close it.
        QTest::mouseClick(dialog->retryButton(), Qt::LeftButton);
        QVERIFY(FedFrames::current->started);
        QVERIFY(!dialog->retryButton()->isVisible());
        dialog->reject();
        QTRY_VERIFY(!scan().webcamDialog());
        QVERIFY(window().isEnabled());
    }

    void noCameraSaysSoOnTheButton() {
        cameraConnected_ = false;
        program_ = std::make_unique<FinderProgram>();
        scan().setFrameSources([] { return std::make_unique<FedFrames>(); },
                               [this] { return cameraConnected_; });
        window().show();
        QVERIFY(QTest::qWaitForWindowExposed(&window()));
        QTRY_COMPARE(scan().familyWebcamButton()->text(),
                     QStringLiteral("Use the webcam (none found)"));
        cameraConnected_ = true;
    }

    void pastedPicture() {
        const Label label = drawLabel(Family::Blaupunkt, 36);
        QGuiApplication::clipboard()->setImage(label.image);
        if (!QGuiApplication::clipboard()->mimeData() ||
            !QGuiApplication::clipboard()->mimeData()->hasImage())
            QSKIP("this platform has no clipboard");
        auto* field = window().familyPage()->findChild<QLineEdit*>(QStringLiteral("notSureField"));
        field->setFocus();
        QTest::keyClick(field, Qt::Key_V, Qt::ControlModifier);
        QVERIFY(scan().dialog());
        QVERIFY(waitForReading());
        QCOMPARE(scan().dialog()->readings().front().serial(), label.serial);
        QVERIFY(field->text().isEmpty());
        // Text on the clipboard is pasted into the field as before.
        QGuiApplication::clipboard()->setText(QStringLiteral("M123456"));
        scan().dialog()->reject();
        field->setFocus();
        QTest::keyClick(field, Qt::Key_V, Qt::ControlModifier);
        QCOMPARE(field->text(), QStringLiteral("M123456"));
    }
};

int main(int argc, char** argv) {
    return radiocode::test::runWindowSuite<TestPhotoReading>(argc, argv,
                                                             QStringLiteral("tst_photo_reading"));
}

#include "tst_photo_reading.moc"
