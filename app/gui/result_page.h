// Step 4: the code in large digits, how to key it in, the cautions and where the code came
// from; or, when there is no code, why not and what to do next.
#pragma once

#include "gui/retranslating.h"

#include "radiocode/code_source.h"

#include <QWidget>

class QAbstractButton;
class QHBoxLayout;
class QLabel;
class QTableWidget;
class QVBoxLayout;

namespace radiocode::gui {

class ReadingChoiceBox;

class ResultPage : public Retranslating<QWidget> {
    Q_OBJECT

public:
    explicit ResultPage(QWidget* parent = nullptr);
    void setResult(const LookupResult& result);
    const LookupResult& result() const { return result_; }
    bool hasCode() const;

    // Hook for other parts of the program (the code database's "This code worked"): the button
    // joins the row of actions under the result. The page takes ownership.
    void addResultAction(QAbstractButton* button);
    // A button of the no-code section (radio card, request, record a code), under the reason.
    void addNoCodeAction(QAbstractButton* button);
    // A button of the job record (worked, refused, save job), in the row above the sheet's.
    void addRecordAction(QAbstractButton* button);

private:
    void relinkActions();

public:
    // On the no-code page: the code database holds no codes at all (nothing imported yet), and
    // the import is offered right there.
    void setEmptyDatabaseOffer(bool shown);
    bool emptyDatabaseOfferShown() const;
    QAbstractButton* importButton() const { return import_; }

    // For tests and screen readers: what the page shows.
    QString codeText() const;   // the four digits, empty without a code
    QString sourceText() const; // the source in words
    QString statusText() const; // "Code found", "No code on record", ...
    QString reasonText() const; // why there is no code
    QTableWidget* stepsTable() const { return steps_; }
    QString confirmText() const;
    QStringList cautionTexts() const;
    QStringList nextStepTexts() const;

    // "This code was refused on a radio by …", or empty.
    QString refusedText() const;
    // Both readings of a Blaupunkt 7th character were looked up: the technician says which the
    // label shows (shown only then).
    QWidget* readingBox() const;
    QAbstractButton* readingButton(ReadingChoice reading) const;
    // Where the focus goes on arriving, so a screen reader speaks the code (or why there is
    // none) first.
    void focusFirst();

signals:
    void readingChosen(radiocode::ReadingChoice reading);
    void printPreviewRequested();
    void printRequested();
    void savePdfRequested();
    void jobDetailsRequested();
    void newRadioRequested();
    void importRequested();

private:
    void retranslate() override;
    void fill();

    LookupResult result_;
    QLabel* statusIcon_;
    QLabel* status_;
    QLabel* radio_;
    QWidget* codeBox_;
    QList<QLabel*> digits_;
    QLabel* source_;
    QLabel* refused_;
    ReadingChoiceBox* readingChoice_;
    QWidget* noCode_;
    QLabel* reason_;
    QWidget* emptyDatabase_;
    QLabel* emptyDatabaseText_;
    QAbstractButton* import_;
    QLabel* nextTitle_;
    QLabel* next_;
    QLabel* stepsTitle_;
    QTableWidget* steps_;
    QLabel* confirm_;
    QLabel* cautionsTitle_;
    QVBoxLayout* cautions_;
    QList<QLabel*> cautionLabels_;
    QLabel* troubleTitle_;
    QLabel* trouble_;
    QHBoxLayout* noCodeActions_ = nullptr;
    QHBoxLayout* records_ = nullptr;
    QHBoxLayout* actions_;
    QAbstractButton* preview_;
    QAbstractButton* print_;
    QAbstractButton* pdf_;
    QAbstractButton* job_;
    QAbstractButton* newRadio_;
};

} // namespace radiocode::gui
