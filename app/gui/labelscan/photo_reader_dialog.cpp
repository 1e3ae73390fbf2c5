#include "gui/labelscan/photo_reader_dialog.h"

#include "common/texts.h"
#include "gui/labelscan/frame_source.h"
#include "gui/labelscan/keep_picture_box.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QGraphicsPixmapItem>
#include <QGraphicsPolygonItem>
#include <QGraphicsScene>
#include <QGraphicsView>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QThread>
#include <QVBoxLayout>
#include <QWheelEvent>

#include <algorithm>

namespace radiocode::gui {
namespace {

// "7 645 384 318", as Blaupunkt prints it.
QString partNumberAsPrinted(const QString& digits) {
    if (digits.size() != 10)
        return digits;
    return digits.left(1) + u' ' + digits.mid(1, 3) + u' ' + digits.mid(4, 3) + u' ' +
           digits.mid(7);
}

// A view that zooms with Ctrl + wheel, as image viewers do.
class PictureView : public QGraphicsView {
public:
    using QGraphicsView::QGraphicsView;

protected:
    void wheelEvent(QWheelEvent* event) override {
        if (event->modifiers() & Qt::ControlModifier) {
            const double factor = event->angleDelta().y() > 0 ? 1.25 : 0.8;
            scale(factor, factor);
            event->accept();
            return;
        }
        QGraphicsView::wheelEvent(event);
    }
};

} // namespace

PhotoReaderDialog::PhotoReaderDialog(QWidget* parent) : Retranslating(parent) {
    setObjectName(QStringLiteral("photoReaderDialog"));
    scene_ = new QGraphicsScene(this);
    view_ = new PictureView(scene_, this);
    view_->setObjectName(QStringLiteral("photoView"));
    view_->setDragMode(QGraphicsView::ScrollHandDrag);
    view_->setRenderHint(QPainter::SmoothPixmapTransform);
    view_->setMinimumSize(420, 320);

    title_ = new QLabel(this);
    title_->setObjectName(QStringLiteral("photoTitle"));
    title_->setWordWrap(true);
    state_ = new QLabel(this);
    state_->setObjectName(QStringLiteral("photoState"));
    state_->setWordWrap(true);
    state_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    confirmNote_ = new QLabel(this);
    confirmNote_->setWordWrap(true);
    keepPicture_ = makeKeepPictureBox(QStringLiteral("keepLabelPhoto"), this);
    list_ = new QListWidget(this);
    list_->setObjectName(QStringLiteral("photoReadings"));
    progress_ = new QProgressBar(this);
    progress_->setRange(0, 100);
    progress_->hide();
    cancelReading_ = new QPushButton(this);
    cancelReading_->setObjectName(QStringLiteral("cancelPhotoReading"));
    cancelReading_->hide();
    connect(cancelReading_, &QPushButton::clicked, this, [this] {
        if (cancelFlag_)
            cancelFlag_->store(true);
    });

    zoomIn_ = new QPushButton(this);
    zoomOut_ = new QPushButton(this);
    zoomFit_ = new QPushButton(this);
    zoomIn_->setShortcut(QKeySequence::ZoomIn);
    zoomOut_->setShortcut(QKeySequence::ZoomOut);
    connect(zoomIn_, &QPushButton::clicked, this, &PhotoReaderDialog::zoomIn);
    connect(zoomOut_, &QPushButton::clicked, this, &PhotoReaderDialog::zoomOut);
    connect(zoomFit_, &QPushButton::clicked, this, &PhotoReaderDialog::zoomToFit);
    auto* zoom = new QHBoxLayout;
    zoom->addWidget(zoomIn_);
    zoom->addWidget(zoomOut_);
    zoom->addWidget(zoomFit_);
    zoom->addStretch(1);

    use_ = new QPushButton(this);
    use_->setObjectName(QStringLiteral("useReading"));
    use_->setDefault(true);
    use_->setEnabled(false);
    close_ = new QPushButton(this);
    connect(use_, &QPushButton::clicked, this, &QDialog::accept);
    connect(close_, &QPushButton::clicked, this, &QDialog::reject);
    connect(list_, &QListWidget::currentRowChanged, this, [this] {
        use_->setEnabled(chosenReading() != nullptr);
        highlightChosen();
    });
    connect(list_, &QListWidget::itemActivated, this, [this] {
        if (chosenReading())
            accept();
    });
    auto* buttons = new QDialogButtonBox(this);
    buttons->addButton(use_, QDialogButtonBox::AcceptRole);
    buttons->addButton(close_, QDialogButtonBox::RejectRole);

    auto* pictureSide = new QVBoxLayout;
    pictureSide->addWidget(view_, 1);
    pictureSide->addLayout(zoom);
    auto* readingSide = new QVBoxLayout;
    readingSide->addWidget(title_);
    readingSide->addWidget(state_);
    readingSide->addWidget(progress_);
    readingSide->addWidget(cancelReading_, 0, Qt::AlignLeft);
    readingSide->addWidget(list_, 1);
    readingSide->addWidget(confirmNote_);
    readingSide->addWidget(keepPicture_);
    auto* columns = new QHBoxLayout;
    columns->addLayout(pictureSide, 3);
    columns->addLayout(readingSide, 2);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(columns, 1);
    layout->addWidget(buttons);
    resize(960, 600);
    retranslate();
}

PhotoReaderDialog::~PhotoReaderDialog() {
    stopWorker();
}

void PhotoReaderDialog::stopWorker() {
    ++run_; // its answer, queued or still to come, is for a picture no longer shown
    if (!worker_)
        return;
    if (cancelFlag_)
        cancelFlag_->store(true);
    worker_->wait();
    delete worker_;
    worker_ = nullptr;
}

void PhotoReaderDialog::retranslate() {
    setWindowTitle(tr("Read the serial from a photo"));
    title_->setText(name_.isEmpty() ? tr("No picture yet.") : tr("Picture: %1").arg(name_));
    confirmNote_->setText(tr("A serial read off a picture can be misread: compare it with the "
                             "label before you look up the code."));
    keepPicture_->setText(tr("&Keep this picture with the job"));
    keepPicture_->setToolTip(tr("A small copy is saved with the job and printed on the sheet, "
                                "so a refused code can be checked against the real label"));
    cancelReading_->setText(tr("Stop reading"));
    zoomIn_->setText(tr("Zoom in"));
    zoomOut_->setText(tr("Zoom out"));
    zoomFit_->setText(tr("Fit"));
    use_->setText(tr("Use this serial"));
    close_->setText(tr("Close"));
    if (!isReading() && !image_.isNull())
        showReadings();
}

void PhotoReaderDialog::reject() {
    stopWorker();
    QDialog::reject();
}

void PhotoReaderDialog::readFile(const QString& path) {
    const labelscan::LoadedImage loaded = labelscan::loadImage(path);
    if (loaded.ok()) {
        readImage(loaded.image, path);
        return;
    }
    stopWorker();
    image_ = QImage();
    readings_.clear();
    name_ = path;
    scene_->clear();
    list_->clear();
    framed_ = 0;
    retranslate();
    switch (loaded.problem) {
    case labelscan::LoadProblem::NotFound:
        state_->setText(tr("%1 does not exist (any more).").arg(path));
        break;
    case labelscan::LoadProblem::NotReadable:
        state_->setText(tr("%1 cannot be read: it is a folder, or you have no permission to "
                           "read it.")
                            .arg(path));
        break;
    case labelscan::LoadProblem::NotAnImage:
        state_->setText(
            tr("%1 is not a picture this program can read. Use a PNG or JPEG file.").arg(path));
        break;
    case labelscan::LoadProblem::Damaged:
        state_->setText(
            tr("%1 is damaged or cut short. Take or save the picture again.").arg(path));
        break;
    case labelscan::LoadProblem::TooLarge:
        state_->setText(tr("%1 is larger than %2 megapixels. Save a smaller copy and try again.")
                            .arg(path)
                            .arg(labelscan::maxImagePixels / 1000000));
        break;
    case labelscan::LoadProblem::None:
        break;
    }
    emit readingFinished();
}

void PhotoReaderDialog::readImage(const QImage& image, const QString& name) {
    stopWorker();
    image_ = image;
    name_ = name;
    readings_.clear();
    cancelled_ = false;
    unfittingPartNumbers_ = 0;
    framed_ = 0;
    scene_->clear();
    list_->clear();
    use_->setEnabled(false);
    scene_->addPixmap(QPixmap::fromImage(image_));
    scene_->setSceneRect(QRectF(image_.rect()));
    zoomToFit();
    retranslate();
    state_->setText(tr("Reading the label…"));
    progress_->setValue(0);
    progress_->show();
    cancelReading_->show();

    cancelFlag_ = std::make_shared<std::atomic_bool>(false);
    const std::shared_ptr<std::atomic_bool> flag = cancelFlag_;
    QPointer<PhotoReaderDialog> self(this);
    const QImage picture = image_;
    const int run = ++run_;
    worker_ = QThread::create([flag, self, picture, run] {
        labelscan::ScanOptions options;
        options.readPartNumber = true; // Blaupunkt: offered with the serial, to confirm
        options.isCancelled = [flag] { return flag->load(); };
        options.progress = [self](int percent) {
            QMetaObject::invokeMethod(
                self.data(),
                [self, percent] {
                    if (self)
                        self->progress_->setValue(percent);
                },
                Qt::QueuedConnection);
        };
        const labelscan::ScanReport report = labelscan::scanImage(picture, options);
        QMetaObject::invokeMethod(
            self.data(),
            [self, report, run] {
                if (self)
                    self->finishReading(report, run);
            },
            Qt::QueuedConnection);
    });
    worker_->start();
}

void PhotoReaderDialog::finishReading(const labelscan::ScanReport& report, int run) {
    if (run != run_)
        return; // a reading stopped for a newer picture
    if (worker_) {
        worker_->wait();
        delete worker_;
        worker_ = nullptr;
    }
    progress_->hide();
    cancelReading_->hide();
    cancelled_ = report.cancelled;
    unfittingPartNumbers_ = report.unfittingPartNumbers;
    readings_ = report.readings;
    showReadings();
    emit readingFinished();
}

QString PhotoReaderDialog::describe(const labelscan::Reading& reading) const {
    const Recognition& recognition = reading.recognition;
    const QString family =
        recognition.family ? Texts::familyName(*recognition.family) : tr("unknown radio");
    const QString how = reading.method == labelscan::ReadMethod::Barcode
                            ? tr("barcode (%1)").arg(reading.barcodeFormat)
                            : tr("printed text, %1% sure").arg(reading.confidence);
    if (reading.isSerial() && !reading.partNumber.isEmpty())
        return tr("%1 – %2\n%3 · %4\nPart number %5 (printed text, %6% sure; it fits the "
                  "serial)")
            .arg(QString::fromStdString(recognition.serial), family,
                 Texts::stateName(recognition.state), how, partNumberAsPrinted(reading.partNumber))
            .arg(reading.partNumberConfidence);
    if (reading.isSerial())
        return tr("%1 – %2\n%3 · %4")
            .arg(QString::fromStdString(recognition.serial), family,
                 Texts::stateName(recognition.state), how);
    return tr("%1 – read as “%2”\n%3 · %4")
        .arg(recognition.suggestions.empty()
                 ? reading.textRead
                 : Texts::suggestion(QString::fromStdString(recognition.suggestions.front())),
             reading.textRead, Texts::message(recognition), how);
}

void PhotoReaderDialog::showReadings() {
    const int chosen = list_->currentRow();
    list_->clear();
    for (QGraphicsItem* item : scene_->items()) {
        if (item->type() == QGraphicsPolygonItem::Type) {
            scene_->removeItem(item);
            delete item;
        }
    }
    framed_ = 0;
    for (const labelscan::Reading& reading : readings_) {
        list_->addItem(describe(reading));
        auto* frame = scene_->addPolygon(reading.where);
        frame->setPen(QPen(reading.isSerial() ? QColor(0, 150, 70) : QColor(200, 120, 0),
                           std::max(3.0, image_.width() / 300.0)));
        ++framed_;
        if (!reading.partNumberWhere.isEmpty())
            scene_->addPolygon(reading.partNumberWhere)
                ->setPen(
                    QPen(QColor(29, 63, 143), std::max(2.0, image_.width() / 400.0), Qt::DashLine));
    }
    const int serials =
        int(std::count_if(readings_.begin(), readings_.end(),
                          [](const labelscan::Reading& r) { return r.isSerial(); }));
    if (cancelled_)
        state_->setText(tr("Reading stopped. Nothing was taken from this picture."));
    else if (readings_.empty())
        state_->setText(tr("No serial found on this picture. Take the photo closer and straight "
                           "on, with light on the label, or type the serial."));
    else if (serials > 1)
        state_->setText(tr("%n different serials on this picture: choose the one on this radio.",
                           nullptr, serials));
    else if (serials == 1)
        state_->setText(tr("Found one serial. Check it against the label, then use it."));
    else
        state_->setText(tr("Something like a serial was read, but a character looks wrong: "
                           "check the label."));
    if (serials > 0 && unfittingPartNumbers_ > 0)
        state_->setText(state_->text() + u' ' +
                        tr("A part number was read that does not fit the serial, so it was not "
                           "taken: compare both with the label and type the part number."));
    if (!readings_.empty())
        list_->setCurrentRow(chosen >= 0 && chosen < int(readings_.size()) ? chosen : 0);
    use_->setEnabled(chosenReading() != nullptr);
}

void PhotoReaderDialog::highlightChosen() {
    const labelscan::Reading* reading = chosenReading();
    if (reading && !reading->where.isEmpty())
        view_->centerOn(reading->where.boundingRect().center());
}

bool PhotoReaderDialog::keepPicture() const {
    return keepPicture_->isChecked() && !image_.isNull();
}

const labelscan::Reading* PhotoReaderDialog::chosenReading() const {
    const int row = list_->currentRow();
    if (row < 0 || row >= int(readings_.size()))
        return nullptr;
    return &readings_[std::size_t(row)];
}

void PhotoReaderDialog::zoomIn() {
    view_->scale(1.25, 1.25);
}

void PhotoReaderDialog::zoomOut() {
    view_->scale(0.8, 0.8);
}

void PhotoReaderDialog::zoomToFit() {
    if (!image_.isNull())
        view_->fitInView(scene_->sceneRect(), Qt::KeepAspectRatio);
}

} // namespace radiocode::gui
