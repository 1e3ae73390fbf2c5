// "Read from a photo": the picture with each serial found framed (zoomable), beside the list of
// readings and their state. Reading runs in a worker thread with progress and Cancel; the
// technician picks a reading and takes it into the wizard, where the serial page checks it again.
#pragma once

#include "gui/retranslating.h"
#include "labelscan/label_scanner.h"

#include <QDialog>
#include <QImage>

#include <atomic>
#include <memory>
#include <vector>

class QCheckBox;
class QGraphicsScene;
class QGraphicsView;
class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;
class QThread;

namespace radiocode::gui {

class PhotoReaderDialog : public Retranslating<QDialog> {
    Q_OBJECT

public:
    explicit PhotoReaderDialog(QWidget* parent = nullptr);
    ~PhotoReaderDialog() override;

    // Loads and reads a picture file; a file that cannot be opened is said in the dialog.
    void readFile(const QString& path);
    // Reads a picture already in memory (pasted, dropped, a webcam frame).
    void readImage(const QImage& image, const QString& name);

    bool isReading() const { return worker_ != nullptr; }
    const std::vector<labelscan::Reading>& readings() const { return readings_; }
    // The reading chosen in the list (nullptr when none).
    const labelscan::Reading* chosenReading() const;

    QListWidget* readingList() const { return list_; }
    QGraphicsView* pictureView() const { return view_; }
    QLabel* stateLabel() const { return state_; }
    QPushButton* useButton() const { return use_; }
    // "Keep this picture with the job" (on unless the technician unticks it).
    QCheckBox* keepPictureBox() const { return keepPicture_; }
    bool keepPicture() const;
    const QImage& picture() const { return image_; }
    QPushButton* cancelReadingButton() const { return cancelReading_; }
    QProgressBar* progressBar() const { return progress_; }
    // Frames drawn around readings on the picture (for tests: one per reading).
    int framedReadings() const { return framed_; }

public slots:
    void reject() override; // stops a reading in progress
    void zoomIn();
    void zoomOut();
    void zoomToFit();

signals:
    void readingFinished();

private:
    void retranslate() override;
    void finishReading(const labelscan::ScanReport& report, int run);
    void showReadings();
    void highlightChosen();
    QString describe(const labelscan::Reading& reading) const;
    void stopWorker();

    QImage image_;
    QString name_;
    std::vector<labelscan::Reading> readings_;
    bool cancelled_ = false;
    int unfittingPartNumbers_ = 0;
    int run_ = 0; // which reading is current: a stopped one's late answer is dropped
    int framed_ = 0;
    std::shared_ptr<std::atomic_bool> cancelFlag_;
    QThread* worker_ = nullptr;

    QGraphicsScene* scene_;
    QGraphicsView* view_;
    QLabel* title_;
    QLabel* state_;
    QLabel* confirmNote_;
    QCheckBox* keepPicture_;
    QListWidget* list_;
    QProgressBar* progress_;
    QPushButton* cancelReading_;
    QPushButton* zoomIn_;
    QPushButton* zoomOut_;
    QPushButton* zoomFit_;
    QPushButton* use_;
    QPushButton* close_;
};

} // namespace radiocode::gui
