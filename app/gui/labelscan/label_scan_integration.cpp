#include "gui/labelscan/label_scan_integration.h"

#include "gui/family_page.h"
#include "gui/labelscan/frame_source.h"
#include "gui/labelscan/photo_reader_dialog.h"
#include "gui/labelscan/webcam_dialog.h"
#include "gui/main_window.h"
#include "gui/serial_entry_page.h"
#include "gui/serial_widgets.h"

#include <QApplication>
#include <QClipboard>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QImage>
#include <QImageReader>
#include <QKeyEvent>
#include <QMimeData>
#include <QPushButton>
#include <QUrl>

namespace radiocode::gui {
namespace {

bool isPictureFile(const QString& path) {
    const QByteArray suffix = QFileInfo(path).suffix().toLower().toLatin1();
    return QImageReader::supportedImageFormats().contains(suffix);
}

} // namespace

LabelScanIntegration::LabelScanIntegration(QObject* parent)
    : QObject(parent), createFrameSource_([] { return std::make_unique<CameraFrameSource>(); }),
      cameraAvailable_(&CameraFrameSource::cameraAvailable) {}

void LabelScanIntegration::setFrameSources(std::function<std::unique_ptr<FrameSource>()> create,
                                           std::function<bool()> available) {
    createFrameSource_ = std::move(create);
    cameraAvailable_ = std::move(available);
}

WebcamDialog* LabelScanIntegration::webcamDialog() const {
    return webcam_;
}

QPushButton* LabelScanIntegration::familyWebcamButton() const {
    return familyWebcam_;
}

void LabelScanIntegration::useWebcam() {
    if (webcam_) {
        webcam_->raise();
        return;
    }
    webcam_ = new WebcamDialog(createFrameSource_(), window_);
    webcam_->setAttribute(Qt::WA_DeleteOnClose);
    connect(webcam_, &QDialog::accepted, this, [this] {
        if (const labelscan::Reading* reading = webcam_->steadyReading())
            takeReading(*reading, webcam_->keepPicture() ? webcam_->steadyFrame() : QImage());
    });
    webcam_->open();
    webcam_->start();
}

LabelScanIntegration::~LabelScanIntegration() {
    if (qApp)
        qApp->removeEventFilter(this);
}

PhotoReaderDialog* LabelScanIntegration::dialog() const {
    return dialog_;
}

QPushButton* LabelScanIntegration::familyPageButton() const {
    return familyButton_;
}

QPushButton* LabelScanIntegration::serialPageButton() const {
    return serialButton_;
}

void LabelScanIntegration::attach(MainWindow& window) {
    window_ = &window;
    familyButton_ = new QPushButton;
    familyButton_->setObjectName(QStringLiteral("readFromPhotoFamily"));
    connect(familyButton_, &QPushButton::clicked, this, &LabelScanIntegration::choosePhoto);
    window.familyPage()->addEntryAction(familyButton_);
    familyWebcam_ = new QPushButton;
    familyWebcam_->setObjectName(QStringLiteral("useWebcamFamily"));
    connect(familyWebcam_, &QPushButton::clicked, this, &LabelScanIntegration::useWebcam);
    window.familyPage()->addEntryAction(familyWebcam_);
    // The serial page is built after the first frame, and asking for cameras takes a moment:
    // both then.
    connect(&window, &MainWindow::firstFrameShown, this, [this] {
        if (!window_ || serialButton_)
            return;
        serialButton_ = new QPushButton;
        serialButton_->setObjectName(QStringLiteral("readFromPhotoSerial"));
        connect(serialButton_, &QPushButton::clicked, this, &LabelScanIntegration::choosePhoto);
        window_->serialEntryPage()->addEntryAction(serialButton_);
        serialWebcam_ = new QPushButton;
        serialWebcam_->setObjectName(QStringLiteral("useWebcamSerial"));
        connect(serialWebcam_, &QPushButton::clicked, this, &LabelScanIntegration::useWebcam);
        window_->serialEntryPage()->addEntryAction(serialWebcam_);
        cameraFound_ = cameraAvailable_();
        cameraKnown_ = true;
        retranslate();
    });
    window.setAcceptDrops(true);
    // Drops and Ctrl+V reach the focused field first: look at them before it does.
    qApp->installEventFilter(this);
    retranslate();
}

void LabelScanIntegration::retranslate() {
    for (QPushButton* button : {familyButton_.data(), serialButton_.data()}) {
        if (!button)
            continue;
        button->setText(tr("Read from a photo…"));
        button->setToolTip(tr("Find the serial on a photo or scan of the label (you can also drop "
                              "a picture onto the window or paste one with Ctrl+V)"));
    }
    for (QPushButton* button : {familyWebcam_.data(), serialWebcam_.data()}) {
        if (!button)
            continue;
        button->setText(!cameraKnown_ || cameraFound_ ? tr("Use the webcam")
                                                      : tr("Use the webcam (none found)"));
        button->setToolTip(!cameraKnown_ || cameraFound_
                               ? tr("Read the serial from the label held in front of the webcam")
                               : tr("No webcam is connected. Connect one, then try again."));
    }
}

PhotoReaderDialog* LabelScanIntegration::ensureDialog() {
    if (!dialog_) {
        dialog_ = new PhotoReaderDialog(window_);
        connect(dialog_, &QDialog::accepted, this, [this] {
            if (const labelscan::Reading* reading = dialog_->chosenReading())
                takeReading(*reading, dialog_->keepPicture() ? dialog_->picture() : QImage());
        });
    }
    if (!dialog_->isVisible())
        dialog_->open();
    dialog_->raise();
    return dialog_;
}

void LabelScanIntegration::choosePhoto() {
    QStringList patterns;
    for (const QByteArray& format : QImageReader::supportedImageFormats())
        patterns << QStringLiteral("*.") + QString::fromLatin1(format);
    const QString path =
        QFileDialog::getOpenFileName(window_, tr("Read the serial from a photo"), QString(),
                                     tr("Pictures (%1)").arg(patterns.join(u' ')));
    if (!path.isEmpty())
        readFile(path);
}

void LabelScanIntegration::readFile(const QString& path) {
    ensureDialog()->readFile(path);
}

void LabelScanIntegration::readImage(const QImage& image, const QString& name) {
    ensureDialog()->readImage(image, name);
}

void LabelScanIntegration::takeReading(const labelscan::Reading& reading, const QImage& picture) {
    if (!window_)
        return;
    const Recognition& recognition = reading.recognition;
    std::optional<Family> family = recognition.family;
    if (!family && !recognition.suggestions.empty())
        family = recognise(recognition.suggestions.front()).family;
    if (!family)
        return;
    // The picture stands for the serial read and the corrections it suggests, so it never goes
    // with a job for a serial typed afterwards for another radio.
    QStringList serials;
    if (reading.isSerial())
        serials << reading.serial();
    for (const auto* list : {&recognition.readings, &recognition.suggestions})
        for (const std::string& serial : *list)
            if (!serials.contains(QString::fromStdString(serial)))
                serials << QString::fromStdString(serial);
    window_->setLabelPhoto(
        picture.isNull() || serials.isEmpty()
            ? LabelPhoto{}
            : LabelPhoto::fromPicture(picture, reading.where, serials.first(), serials));
    window_->chooseFamily(*family);
    // The serial as read: a look-alike letter stays in, for the serial page to point out.
    const QString text = reading.isSerial() && reading.beckerModel.isEmpty()
                             ? QString::fromStdString(recognition.serial)
                         : !reading.beckerModel.isEmpty()
                             ? reading.beckerModel + u' ' + reading.beckerSerialNumber
                             : reading.textRead;
    window_->serialEntryPage()->setSerialText(text);
    // Shown beside the serial in the dialog and checked against it on the serial page.
    if (*family == Family::Blaupunkt && !reading.partNumber.isEmpty())
        window_->serialEntryPage()->partNumberEdit()->setText(reading.partNumber);
    window_->showPage(MainWindow::Page::SerialEntry);
}

bool LabelScanIntegration::takeMime(const QMimeData* mime, bool justAsk) {
    if (!mime)
        return false;
    if (mime->hasUrls()) {
        for (const QUrl& url : mime->urls()) {
            if (url.isLocalFile() && isPictureFile(url.toLocalFile())) {
                if (!justAsk)
                    readFile(url.toLocalFile());
                return true;
            }
        }
    }
    if (mime->hasImage()) {
        const QImage image = qvariant_cast<QImage>(mime->imageData());
        if (image.isNull())
            return false;
        if (!justAsk)
            readImage(image, tr("pasted picture"));
        return true;
    }
    return false;
}

bool LabelScanIntegration::eventFilter(QObject* watched, QEvent* event) {
    // Every event of the program passes here (a keystroke several times): the type first.
    switch (event->type()) {
    case QEvent::DragEnter:
    case QEvent::DragMove:
    case QEvent::Drop:
    case QEvent::KeyPress:
    case QEvent::LanguageChange:
        break;
    default:
        return QObject::eventFilter(watched, event);
    }
    auto* widget = qobject_cast<QWidget*>(watched);
    if (!window_ || !widget || widget->window() != window_)
        return QObject::eventFilter(watched, event);
    switch (event->type()) {
    case QEvent::DragEnter:
    case QEvent::DragMove: {
        auto* drag = static_cast<QDragMoveEvent*>(event);
        if (takeMime(drag->mimeData(), true)) {
            drag->setDropAction(Qt::CopyAction);
            drag->accept();
            return true;
        }
        break;
    }
    case QEvent::Drop: {
        auto* drop = static_cast<QDropEvent*>(event);
        if (takeMime(drop->mimeData(), true)) {
            drop->setDropAction(Qt::CopyAction);
            drop->accept();
            takeMime(drop->mimeData(), false);
            return true;
        }
        break;
    }
    case QEvent::KeyPress: {
        // Ctrl+V of a picture; text on the clipboard is pasted into the field as before.
        auto* key = static_cast<QKeyEvent*>(event);
        if (!key->matches(QKeySequence::Paste))
            break; // asking the clipboard is a round trip to the display server
        const QMimeData* clipboard = QGuiApplication::clipboard()->mimeData();
        if (clipboard && !clipboard->hasText() && takeMime(clipboard, false))
            return true;
        break;
    }
    case QEvent::LanguageChange:
        if (watched == window_)
            retranslate();
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace radiocode::gui
