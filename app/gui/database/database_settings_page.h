// Settings ▸ Database: which code database the program uses (an SQLite file or a workshop's
// PostgreSQL server), with a connection test before it is saved.
#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;
class QThread;

namespace radiocode::gui {

class DatabaseSettingsPage : public QDialog {
    Q_OBJECT

public:
    explicit DatabaseSettingsPage(QWidget* parent = nullptr);
    ~DatabaseSettingsPage() override;

    QString url() const; // as typed, trimmed; empty: the default file
    void setUrl(const QString& url);
    // Checks the URL's form; says what is wrong on the status line.
    bool urlWellFormed();
    bool testRunning() const { return tester_ != nullptr; }

    QLineEdit* urlEdit() const { return url_; }
    QPushButton* testButton() const { return test_; }
    QLabel* statusLabel() const { return status_; }

public slots:
    void testConnection();
    void useDefault();
    void accept() override; // saves the URL in the settings

signals:
    void testFinished(bool ok, const QString& message);
    void urlSaved(const QString& url);

private:
    void showStatus(bool ok, const QString& message);

    QLineEdit* url_;
    QPushButton* default_;
    QPushButton* test_;
    QLabel* status_;
    QLabel* override_;
    QThread* tester_ = nullptr;
};

} // namespace radiocode::gui
