#include "gui/database/import_dialog.h"

#include "common/texts.h"
#include "gui/widget_parts.h"
#include "storage/csv_reader.h"
#include "storage/csv_writer.h"
#include "storage/storage_texts.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QScopeGuard>
#include <QTableWidget>
#include <QThread>
#include <QVBoxLayout>

namespace radiocode::gui {
namespace {

enum Column { LineColumn, SerialColumn, ProblemColumn, ReplaceColumn, ColumnCount };
constexpr int conflictIndexRole = Qt::UserRole + 1;
constexpr int previewRows = 6;

} // namespace

ImportDialog::ImportDialog(const storage::DatabaseLocation& location, QWidget* parent)
    : QDialog(parent), location_(location) {
    setWindowTitle(tr("Import codes"));
    setObjectName(QStringLiteral("importDialog"));
    resize(760, 520);

    path_ = new QLineEdit(this);
    path_->setReadOnly(true);
    path_->setPlaceholderText(tr("A CSV file with the columns serial and code"));
    path_->setAccessibleName(tr("Code list file"));
    browse_ = new QPushButton(tr("&Choose file…"), this);
    connect(browse_, &QPushButton::clicked, this, &ImportDialog::browse);
    auto* fileRow = new QHBoxLayout;
    fileRow->addWidget(path_, 1);
    fileRow->addWidget(browse_);

    summary_ = new QLabel(tr("Choose the code list to import. Nothing is saved until you press "
                             "Import."),
                          this);
    summary_->setWordWrap(true);
    summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    // The first rows as read, and which columns hold the serial and the code.
    preview_ = new QTableWidget(0, 0, this);
    preview_->setObjectName(QStringLiteral("importPreview"));
    preview_->setAccessibleName(tr("The first rows of the file"));
    preview_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    preview_->verticalHeader()->setVisible(false);
    preview_->verticalHeader()->setDefaultSectionSize(preview_->fontMetrics().height() + 6);
    preview_->setMaximumHeight(preview_->fontMetrics().height() * (previewRows + 3));
    preview_->setVisible(false);
    serialColumn_ = new QComboBox(this);
    codeColumn_ = new QComboBox(this);
    restoreZeros_ = new QCheckBox(tr("&Restore leading zeros a spreadsheet dropped (420 → 0420, "
                                     "marked in the source)"),
                                  this);
    auto* columns = new QFormLayout;
    columns->addRow(tr("&Serial column:"), serialColumn_);
    columns->addRow(tr("C&ode column:"), codeColumn_);
    columns->addRow(restoreZeros_);
    auto* columnsBox = new QWidget(this);
    columnsBox->setObjectName(QStringLiteral("importColumns"));
    columnsBox->setLayout(columns);
    columnsBox->setVisible(false);
    connect(serialColumn_, &QComboBox::currentIndexChanged, this, &ImportDialog::columnsChosen);
    connect(codeColumn_, &QComboBox::currentIndexChanged, this, &ImportDialog::columnsChosen);
    connect(restoreZeros_, &QCheckBox::toggled, this, &ImportDialog::columnsChosen);

    progress_ = new QProgressBar(this);
    progress_->setRange(0, 1000);
    progress_->setVisible(false);
    cancel_ = new QPushButton(tr("Cancel"), this);
    cancel_->setVisible(false);
    connect(cancel_, &QPushButton::clicked, this, &ImportDialog::cancelWork);
    auto* progressRow = new QHBoxLayout;
    progressRow->addWidget(progress_, 1);
    progressRow->addWidget(cancel_);

    issues_ = new QTableWidget(0, ColumnCount, this);
    issues_->setHorizontalHeaderLabels(
        {tr("Line"), tr("Serial"), tr("Problem"), tr("Replace stored code")});
    issues_->horizontalHeader()->setSectionResizeMode(ProblemColumn, QHeaderView::Stretch);
    // Its header is its only explanation: never cut.
    issues_->horizontalHeader()->setSectionResizeMode(ReplaceColumn, QHeaderView::ResizeToContents);
    issues_->verticalHeader()->setVisible(false);
    issues_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    issues_->setSelectionBehavior(QAbstractItemView::SelectRows);
    issues_->setWordWrap(true);
    issues_->setAccessibleName(tr("Problems and conflicts in the file"));

    auto* buttons = new QDialogButtonBox(this);
    import_ = buttons->addButton(tr("&Import"), QDialogButtonBox::AcceptRole);
    import_->setEnabled(false);
    close_ = buttons->addButton(QDialogButtonBox::Close);
    connect(import_, &QPushButton::clicked, this, &ImportDialog::startImport);
    connect(close_, &QPushButton::clicked, this, &ImportDialog::reject);

    QVBoxLayout* layout =
        layOutInColumn(this, {fileRow, preview_, columnsBox, summary_, progressRow});
    layout->addWidget(issues_, 1);
    layout->addWidget(buttons);

    confirm_ = [this](const QString& question) {
        return QMessageBox::question(this, tr("Replace stored codes"), question,
                                     QMessageBox::Yes | QMessageBox::No,
                                     QMessageBox::No) == QMessageBox::Yes;
    };
}

ImportDialog::~ImportDialog() {
    cancelRequested_ = true;
    if (worker_) {
        worker_->wait();
        delete worker_;
    }
}

void ImportDialog::setConfirmation(std::function<bool(const QString&)> confirm) {
    confirm_ = std::move(confirm);
}

void ImportDialog::browse() {
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Import codes"), QString(), tr("Code lists (*.csv *.txt);;All files (*)"));
    if (!path.isEmpty())
        setFile(path);
}

void ImportDialog::setFile(const QString& path) {
    if (worker_)
        return;
    file_ = path;
    path_->setText(QDir::toNativeSeparators(path));
    fillPreview();
    run(true);
}

void ImportDialog::startImport() {
    if (worker_ || stage_ != Stage::Checked)
        return;
    pendingReplacements_ = chosenReplacements();
    if (!pendingReplacements_.isEmpty() &&
        !confirm_(tr("Import the list and replace %n stored code(s) with the file's code? The "
                     "replaced codes are gone afterwards.",
                     nullptr, static_cast<int>(pendingReplacements_.size()))))
        return;
    run(false);
}

void ImportDialog::cancelWork() {
    cancelRequested_ = true;
    cancel_->setEnabled(false);
    summary_->setText(tr("Cancelling…"));
}

void ImportDialog::reject() {
    if (worker_) { // Close or Esc while working: cancel first, nothing is half-saved
        cancelWork();
        return;
    }
    QDialog::reject();
}

void ImportDialog::setStage(Stage stage) {
    stage_ = stage;
    const bool working = stage == Stage::Checking || stage == Stage::Importing;
    progress_->setVisible(working);
    cancel_->setVisible(working);
    cancel_->setEnabled(working);
    browse_->setEnabled(!working);
    import_->setEnabled(stage == Stage::Checked);
    emit stageChanged(stage);
}

void ImportDialog::run(bool dryRun) {
    cancelRequested_ = false;
    progress_->setValue(0);
    summary_->setText(dryRun ? tr("Checking %1…").arg(QFileInfo(file_).fileName())
                             : tr("Importing %1…").arg(QFileInfo(file_).fileName()));
    setStage(dryRun ? Stage::Checking : Stage::Importing);
    const storage::DatabaseLocation location = location_;
    const QString file = file_;
    const std::function<void()> startHook = workerStartHook_;
    storage::ImportOptions chosen = importOptions();
    worker_ = QThread::create([this, location, file, dryRun, startHook, chosen] {
        if (startHook)
            startHook();
        storage::ImportReport report;
        auto post = [this](auto function) {
            QMetaObject::invokeMethod(this, std::move(function), Qt::QueuedConnection);
        };
        QFile input(file);
        if (!input.open(QIODevice::ReadOnly)) {
            report.status = storage::ImportReport::Status::BadFile;
            report.failure = tr("Cannot read %1: %2").arg(file, input.errorString());
        } else {
            QString error;
            // A connection of this thread's own: Qt SQL connections stay in their thread.
            auto database = storage::Database::open(location, &error);
            if (!database) {
                report.status = storage::ImportReport::Status::DatabaseError;
                report.failure = error;
            } else {
                storage::ImportOptions options = chosen;
                options.dryRun = dryRun;
                options.cancel = &cancelRequested_;
                options.progress = [post, this](qint64 done, qint64 total) {
                    const int permille = total > 0 ? static_cast<int>(done * 1000 / total) : 1000;
                    post([this, permille] { progress_->setValue(permille); });
                };
                report = database->codes().importCsv(input, file, options);
            }
        }
        post([this, report, dryRun] { finished(report, dryRun); });
    });
    worker_->start();
}

void ImportDialog::finished(const storage::ImportReport& report, bool dryRun) {
    if (worker_) {
        worker_->wait();
        delete worker_;
        worker_ = nullptr;
    }
    if (recheck_ && dryRun) {
        recheck_ = false;
        run(true);
        return;
    }
    recheck_ = false;
    report_ = report;
    const QString name = QFileInfo(file_).fileName();
    switch (report.status) {
    case storage::ImportReport::Status::BadFile:
    case storage::ImportReport::Status::DatabaseError:
        summary_->setText(
            tr("%1 cannot be imported: %2").arg(name, report.failure) +
            (report.columnsUnknown
                 ? QLatin1Char(' ') + tr("Choose the serial and the code column above.")
                 : QString()));
        issues_->setRowCount(0);
        setStage(Stage::Failed);
        return;
    case storage::ImportReport::Status::Cancelled:
        summary_->setText(dryRun ? tr("Check cancelled. Nothing was saved.")
                                 : tr("Import cancelled. Nothing was saved."));
        setStage(dryRun ? Stage::NoFile : Stage::Checked);
        return;
    case storage::ImportReport::Status::Done:
        break;
    }
    fillIssues();
    if (dryRun) {
        summary_->setText(
            tr("%1 checked. If imported: %2.").arg(name, storage::StorageTexts::importSummary([&] {
                                                       storage::ImportReport counts = report;
                                                       counts.dryRun = false;
                                                       return counts;
                                                   }())) +
            QLatin1Char(' ') +
            (report.conflictCount() > 0
                 ? tr("Stored codes are kept; tick “Replace stored code” for a conflict only "
                      "when you are sure the file is right.")
                 : QString()));
        setStage(Stage::Checked);
        return;
    }
    QString text =
        tr("Imported from %1: %2.").arg(name, storage::StorageTexts::importSummary(report));
    emit codesChanged();
    // Replace what the technician chose, matched against this import's own conflicts.
    QList<storage::ImportConflict> replacements;
    for (const storage::ImportConflict& wanted : pendingReplacements_)
        for (const storage::ImportConflict& conflict : report.conflicts)
            if (conflict.serial == wanted.serial && conflict.fileCode == wanted.fileCode &&
                conflict.line == wanted.line)
                replacements << conflict;
    pendingReplacements_.clear();
    if (!replacements.isEmpty()) {
        if (applyReplacements(replacements))
            text += QLatin1Char(' ') + tr("%n stored code(s) replaced with the file's code.",
                                          nullptr, static_cast<int>(replacements.size()));
        else
            text += QLatin1Char(' ') + tr("Replacing the chosen codes failed.");
    }
    summary_->setText(text);
    setStage(Stage::Imported);
}

bool ImportDialog::applyReplacements(const QList<storage::ImportConflict>& chosen) {
    QString error;
    auto database = storage::Database::open(location_, &error);
    if (!database || !database->codes().replaceCodes(chosen, file_)) {
        QMessageBox::warning(this, tr("Replace stored codes"),
                             database ? database->lastError() : error);
        return false;
    }
    emit codesChanged();
    return true;
}

void ImportDialog::fillIssues() {
    issues_->setRowCount(0);
    issues_->setRowCount(static_cast<int>(report_.errors.size()));
    int conflictIndex = 0;
    for (int row = 0; row < report_.errors.size(); ++row) {
        const storage::ImportIssue& issue = report_.errors[row];
        auto* line = new QTableWidgetItem;
        line->setData(Qt::DisplayRole, issue.line);
        issues_->setItem(row, LineColumn, line);
        auto* problem = new QTableWidgetItem(issue.message);
        problem->setToolTip(issue.message); // the whole sentence where the column cuts it
        issues_->setItem(row, ProblemColumn, problem);
        // Conflicts and errors come in line order both: walk them together.
        while (conflictIndex < report_.conflicts.size() &&
               report_.conflicts[conflictIndex].line < issue.line)
            ++conflictIndex;
        if (conflictIndex < report_.conflicts.size() &&
            report_.conflicts[conflictIndex].line == issue.line) {
            const storage::ImportConflict& conflict = report_.conflicts[conflictIndex];
            issues_->setItem(row, SerialColumn, new QTableWidgetItem(conflict.serial));
            auto* replace = new QTableWidgetItem(
                tr("Keep stored %1, or use %2").arg(conflict.storedCode, conflict.fileCode));
            replace->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
            replace->setCheckState(Qt::Unchecked);
            replace->setData(conflictIndexRole, conflictIndex);
            issues_->setItem(row, ReplaceColumn, replace);
            ++conflictIndex;
        } else {
            issues_->setItem(row, SerialColumn, new QTableWidgetItem(issue.serial));
            issues_->setItem(row, ReplaceColumn, new QTableWidgetItem);
        }
    }
    issues_->resizeColumnToContents(LineColumn);
    issues_->resizeColumnToContents(SerialColumn);
}

void ImportDialog::fillPreview() {
    fillingPreview_ = true;
    const auto done = qScopeGuard([this] { fillingPreview_ = false; });
    preview_->clear();
    preview_->setRowCount(0);
    preview_->setColumnCount(0);
    serialColumn_->clear();
    codeColumn_->clear();
    restoreZeros_->setChecked(false);
    QFile input(file_);
    if (!input.open(QIODevice::ReadOnly)) {
        preview_->setVisible(false);
        serialColumn_->parentWidget()->setVisible(false);
        return;
    }
    storage::CsvReader reader(input);
    reader.setMaxRecordBytes(4096);
    storage::CsvRecord record;
    QList<QByteArray> header;
    QList<QList<QByteArray>> rows;
    while (rows.size() < previewRows && reader.next(record)) {
        if (record.blank || record.problem != storage::CsvProblem::None)
            continue;
        if (header.isEmpty())
            header = record.fields;
        else
            rows << record.fields;
    }
    const storage::CsvColumns found = storage::findColumns(header);
    preview_->setColumnCount(static_cast<int>(header.size()));
    QStringList labels;
    for (qsizetype i = 0; i < header.size(); ++i) {
        const QString name = QString::fromUtf8(storage::withoutSpreadsheetGuards(header.at(i)));
        const QString label = tr("%1: %2").arg(i + 1).arg(name.left(40));
        labels << label;
        serialColumn_->addItem(label, static_cast<int>(i + 1));
        codeColumn_->addItem(label, static_cast<int>(i + 1));
    }
    // Not found by their names: the technician chooses, nothing is guessed.
    if (found.serial < 0)
        serialColumn_->insertItem(0, tr("(choose the serial column)"), 0);
    if (found.code < 0)
        codeColumn_->insertItem(0, tr("(choose the code column)"), 0);
    preview_->setHorizontalHeaderLabels(labels);
    preview_->setRowCount(static_cast<int>(rows.size()));
    for (int row = 0; row < rows.size(); ++row)
        for (int column = 0; column < rows.at(row).size() && column < header.size(); ++column)
            preview_->setItem(
                row, column,
                new QTableWidgetItem(QString::fromUtf8(
                    storage::withoutSpreadsheetGuards(rows.at(row).at(column)).left(80))));
    serialColumn_->setCurrentIndex(std::max(found.serial, 0));
    codeColumn_->setCurrentIndex(std::max(found.code, 0));
    preview_->resizeColumnsToContents();
    const bool shown = !header.isEmpty();
    preview_->setVisible(shown);
    serialColumn_->parentWidget()->setVisible(shown);
}

storage::ImportOptions ImportDialog::importOptions() const {
    storage::ImportOptions options;
    // A column the technician chose (or the header named): by its number, so two columns of
    // the same name are no obstacle. None chosen: the import says what is missing.
    if (serialColumn_->currentData().toInt() > 0)
        options.columns.serial = QString::number(serialColumn_->currentData().toInt());
    if (codeColumn_->currentData().toInt() > 0)
        options.columns.code = QString::number(codeColumn_->currentData().toInt());
    options.restoreLeadingZeros = restoreZeros_->isChecked();
    return options;
}

void ImportDialog::columnsChosen() {
    if (fillingPreview_ || file_.isEmpty() || stage_ == Stage::Importing)
        return;
    if (worker_) { // the running check used the old columns: stop it, check again after
        recheck_ = true;
        cancelRequested_ = true;
        return;
    }
    run(true); // checked again with the columns chosen
}

QList<storage::ImportConflict> ImportDialog::chosenReplacements() const {
    QList<storage::ImportConflict> chosen;
    for (int row = 0; row < issues_->rowCount(); ++row) {
        const QTableWidgetItem* item = issues_->item(row, ReplaceColumn);
        if (item && item->data(conflictIndexRole).isValid() && item->checkState() == Qt::Checked)
            chosen << report_.conflicts.value(item->data(conflictIndexRole).toInt());
    }
    return chosen;
}

void ImportDialog::setReplaceChecked(int conflictIndex, bool replace) {
    for (int row = 0; row < issues_->rowCount(); ++row) {
        QTableWidgetItem* item = issues_->item(row, ReplaceColumn);
        if (item && item->data(conflictIndexRole).isValid() &&
            item->data(conflictIndexRole).toInt() == conflictIndex)
            item->setCheckState(replace ? Qt::Checked : Qt::Unchecked);
    }
}

} // namespace radiocode::gui
