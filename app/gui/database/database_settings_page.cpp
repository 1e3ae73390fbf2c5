#include "gui/database/database_settings_page.h"

#include "gui/accessibility.h"
#include "gui/widget_parts.h"
#include "storage/database.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QThread>
#include <QVBoxLayout>

namespace radiocode::gui {

DatabaseSettingsPage::DatabaseSettingsPage(QWidget* parent) : QDialog(parent) {
    setWindowTitle(tr("Code database"));
    setObjectName(QStringLiteral("databaseSettings"));
    auto* intro = makeParagraph(
        tr("Blaupunkt and Becker codes come from the workshop's code database. Leave the field "
           "empty for the file on this computer, or enter a shared database:<br>"
           "<tt>sqlite:/path/file.db</tt> or "
           "<tt>postgresql://user[:password]@host[:port]/dbname</tt><br>"
           "A password in the address is saved as plain text in this program's settings; "
           "leave it out to use the PostgreSQL password file (~/.pgpass) instead."),
        this);
    url_ = new QLineEdit(this);
    url_->setPlaceholderText(storage::DatabaseUrl::defaultUrl());
    url_->setClearButtonEnabled(true);
    url_->setAccessibleName(tr("Database address"));
    Accessibility::nameClearButton(url_);
    default_ = new QPushButton(tr("Use the &default"), this);
    test_ = new QPushButton(tr("&Test connection"), this);
    auto* row = new QHBoxLayout;
    row->addWidget(url_, 1);
    row->addWidget(default_);
    row->addWidget(test_);
    status_ = new QLabel(this);
    status_->setWordWrap(true);
    status_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    override_ = new QLabel(this);
    override_->setWordWrap(true);
    const QString fromEnvironment = qEnvironmentVariable(storage::DatabaseUrl::environmentVariable);
    override_->setVisible(!fromEnvironment.isEmpty());
    override_->setText(tr("Note: the environment variable %1 is set, so this program uses %2 "
                          "whatever is saved here.")
                           .arg(QLatin1String(storage::DatabaseUrl::environmentVariable),
                                fromEnvironment.toHtmlEscaped()));
    auto* buttons = makeDialogButtons(this, QDialogButtonBox::Save | QDialogButtonBox::Cancel);
    connect(default_, &QPushButton::clicked, this, &DatabaseSettingsPage::useDefault);
    connect(test_, &QPushButton::clicked, this, &DatabaseSettingsPage::testConnection);
    connect(url_, &QLineEdit::textChanged, status_, &QLabel::clear);

    QVBoxLayout* layout = layOutInColumn(this, {intro, row, status_, override_});
    layout->addStretch(1);
    layout->addWidget(buttons);
    resize(620, 240);
    setUrl(storage::DatabaseUrl::settingsUrl());
}

DatabaseSettingsPage::~DatabaseSettingsPage() {
    if (tester_) {
        tester_->wait();
        delete tester_;
    }
}

QString DatabaseSettingsPage::url() const {
    return url_->text().trimmed();
}

void DatabaseSettingsPage::setUrl(const QString& url) {
    url_->setText(url);
}

void DatabaseSettingsPage::useDefault() {
    url_->clear();
    url_->setFocus();
}

bool DatabaseSettingsPage::urlWellFormed() {
    if (url().isEmpty())
        return true;
    QString error;
    if (storage::DatabaseUrl::parse(url(), &error))
        return true;
    showStatus(false, error);
    return false;
}

void DatabaseSettingsPage::showStatus(bool ok, const QString& message) {
    status_->setText(message);
    status_->setStyleSheet(ok ? QString() : QStringLiteral("color: #b00020;"));
}

void DatabaseSettingsPage::testConnection() {
    if (tester_ || !urlWellFormed())
        return;
    const QString url = this->url().isEmpty() ? storage::DatabaseUrl::defaultUrl() : this->url();
    test_->setEnabled(false);
    showStatus(true, tr("Connecting…"));
    // In a thread of its own: a server that does not answer must not freeze the window.
    tester_ = QThread::create([this, url] {
        QString error;
        auto database = storage::Database::open(url, &error);
        const bool ok = database != nullptr;
        const QString message = ok ? tr("Connected: schema %1, %n code(s) stored.", nullptr,
                                        static_cast<int>(database->codes().codeCount()))
                                         .arg(database->schemaVersion())
                                   : error;
        database.reset();
        QMetaObject::invokeMethod(
            this,
            [this, ok, message] {
                tester_->wait();
                delete tester_;
                tester_ = nullptr;
                test_->setEnabled(true);
                showStatus(ok, message);
                emit testFinished(ok, message);
            },
            Qt::QueuedConnection);
    });
    tester_->start();
}

void DatabaseSettingsPage::accept() {
    if (!urlWellFormed())
        return;
    storage::DatabaseUrl::setSettingsUrl(url());
    emit urlSaved(url());
    QDialog::accept();
}

} // namespace radiocode::gui
