// The desktop program's photo path: "Read from a photo…", a dropped picture file, Ctrl+V of a
// picture; the dialog frames what it found, and one click takes it into the serial page.
#include "family_page.h"
#include "finder_program.h"
#include "i18n.h"
#include "label_images.h"
#include "label_scan_integration.h"
#include "photo_reader_dialog.h"
#include "serial_entry_page.h"
#include "serial_widgets.h"

#include <QApplication>
#include <QClipboard>
#include <QGraphicsView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMimeData>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace radiocode;
using namespace radiocode::gui;
using namespace radiocode::labelimages;

class TestPhotoReading : public QObject {
    Q_OBJECT

    std::unique_ptr<FinderProgram> program_;
    QTemporaryDir dir_;

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

    QString save(const QString& name, const QImage& image) {
        const QString path = dir_.filePath(name);
        return image.save(path) ? path : QString();
    }

private slots:
    void init() {
        QSettings().clear();
        installTranslations(QStringLiteral("en"));
        program_ = std::make_unique<FinderProgram>();
        window().resize(1200, 760);
        window().show();
        QVERIFY(QTest::qWaitForWindowExposed(&window()));
    }

    void cleanup() { program_.reset(); }

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
        QVERIFY(dialog->stateLabel()->text().contains(QStringLiteral("Check it against the label")));
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
        QVERIFY(window().serialEntryPage()->beckerModelEdit()->text().contains(label.serial.mid(2, 4)));
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
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("\x89PNG\r\n\x1a\n broken");
        file.close();
        scan().readFile(path);
        PhotoReaderDialog* dialog = scan().dialog();
        QVERIFY(!dialog->isReading());
        QVERIFY2(dialog->stateLabel()->text().contains(path), qPrintable(dialog->stateLabel()->text()));
        QVERIFY(!dialog->useButton()->isEnabled());
    }

    void cancelWhileReading() {
        // Becker goes on to the text path, which takes long enough to stop.
        const Label label = drawLabel(Family::Becker, 34);
        scan().readImage(degraded(label.image, Degradation::PhonePhoto, 34), QStringLiteral("photo"));
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
        QWidget* target = window().familyPage()->findChild<QLineEdit*>(QStringLiteral("notSureField"));
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
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setOrganizationName(QStringLiteral("radiocode-tests"));
    QApplication::setApplicationName(QStringLiteral("tst_photo_reading"));
    QTemporaryDir databaseDir;
    qputenv("RADIOCODE_DATABASE",
            "sqlite:" + databaseDir.filePath(QStringLiteral("photo.db")).toUtf8());
    TestPhotoReading test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_photo_reading.moc"
