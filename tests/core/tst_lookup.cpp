// The family registry, the troubleshooting order, the code sources behind CodeFinder, and the
// public vectors.
#include "radiocode/calculators.h"
#include "radiocode/code_source.h"
#include "radiocode/entry_steps.h"
#include "radiocode/families.h"

#include <QFile>
#include <QtTest>

#include <string>
#include <vector>

using namespace radiocode;

namespace {

// A stand-in for the code database: serves Blaupunkt and knows one serial.
class FakeImportSource final : public CodeSource {
public:
    std::vector<std::string> asked;
    bool serves(Family family) const override { return family == Family::Blaupunkt; }
    SourceResult find(Family family, std::string_view serial) override {
        asked.emplace_back(serial);
        if (family == Family::Blaupunkt && serial == "BP538769672026")
            return SourceResult::found({"1234", Provenance::imported("x.csv")});
        return SourceResult::notOnRecord();
    }
};

// Claims to serve every family and answers everything: must never win over the algorithms, and
// must never be asked about invalid or unsupported serials.
class GreedySource final : public CodeSource {
public:
    int askedCount = 0;
    bool serves(Family) const override { return true; }
    SourceResult find(Family, std::string_view) override {
        ++askedCount;
        return SourceResult::found(
            {"9999", Provenance::named(Provenance::Kind::Confirmed, "greedy")});
    }
};

// Holds codes for the serials it is given: a code database with chosen rows.
class MapSource final : public CodeSource {
public:
    std::vector<std::pair<std::string, std::string>> rows; // serial, code
    bool serves(Family family) const override { return family == Family::Blaupunkt; }
    SourceResult find(Family, std::string_view serial) override {
        for (const auto& [stored, code] : rows)
            if (stored == serial)
                return SourceResult::found({code, Provenance::imported("list.csv")});
        return SourceResult::notOnRecord();
    }
};

// RFC 4180 fields of one line (the vectors hold no line breaks inside fields).
QStringList csvFields(const QString& line) {
    QStringList fields;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < line.size() && line.at(i + 1) == QLatin1Char('"'))
                field += c, ++i;
            else if (c == QLatin1Char('"'))
                quoted = false;
            else
                field += c;
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            fields << field;
            field.clear();
        } else {
            field += c;
        }
    }
    fields << field;
    return fields;
}

std::string utf8(const QString& text) {
    return text.toUtf8().toStdString();
}

} // namespace

class LookupTest : public QObject {
    Q_OBJECT

private slots:
    void registry() {
        QCOMPARE(allFamilies.size(), std::size_t(4));
        for (const Family family : allFamilies) {
            const FamilyInfo& info = familyInfo(family);
            QCOMPARE(info.family, family);
            QCOMPARE(familyFromId(info.id), std::optional<Family>(family));
            QCOMPARE(info.formatShape.size(), info.serialLength);
            QVERIFY(!info.examples.empty());
        }
        QCOMPARE(familyId(Family::Blaupunkt), std::string_view("blaupunkt"));
        QCOMPARE(familyId(Family::Renault), std::string_view("renault"));
        QCOMPARE(familyId(Family::Becker), std::string_view("becker"));
        QCOMPARE(familyId(Family::Visteon), std::string_view("visteon"));
        QCOMPARE(familyFromId("VISTEON"), std::optional<Family>(Family::Visteon));
        QCOMPARE(familyFromId("bp"), std::optional<Family>(Family::Blaupunkt));
        QCOMPARE(familyFromId("BE"), std::optional<Family>(Family::Becker));
        QVERIFY(!familyFromId(""));
        QVERIFY(!familyFromId("ford"));
        // Codes: algorithms for Renault and Visteon only; the database for the others.
        QCOMPARE(familyInfo(Family::Renault).origin, CodeOrigin::Algorithm);
        QCOMPARE(familyInfo(Family::Visteon).origin, CodeOrigin::Algorithm);
        QCOMPARE(familyInfo(Family::Blaupunkt).origin, CodeOrigin::CodeDatabase);
        QCOMPARE(familyInfo(Family::Becker).origin, CodeOrigin::CodeDatabase);
        QVERIFY(isNissanBeckerModel("4739"));
        QVERIFY(isNissanBeckerModel("4757"));
        QVERIFY(!isNissanBeckerModel("7818"));
        QVERIFY(!isNissanBeckerModel("473"));
    }

    void troubleshootingStartsWithTheRadioCard() {
        QCOMPARE(troubleshootingItems.front(), TroubleshootingItem::CheckRadioCard);
    }

    void statusIds() {
        QCOMPARE(lookupStatusId(LookupStatus::Ok), std::string_view("ok"));
        QCOMPARE(lookupStatusId(LookupStatus::Invalid), std::string_view("invalid"));
        QCOMPARE(lookupStatusId(LookupStatus::Unsupported), std::string_view("unsupported"));
        QCOMPARE(lookupStatusId(LookupStatus::NotFound), std::string_view("not-found"));
        LookupResult unreachable;
        unreachable.status = LookupStatus::NotFound;
        unreachable.sourcesAsked = 1;
        QCOMPARE(lookupStatusId(unreachable), std::string_view("not-found"));
        unreachable.sourceFailure = "connection refused";
        QCOMPARE(lookupStatusId(unreachable), std::string_view("unreachable"));
    }

    void algorithmsOnly() {
        const CodeFinder finder;
        LookupResult result = finder.lookup("J727");
        QCOMPARE(result.status, LookupStatus::Ok);
        QCOMPARE(result.answer->code, std::string("6586"));
        QCOMPARE(result.answer->source.kind, Provenance::Kind::RenaultAlgorithm);
        result = finder.lookup("M212365");
        QCOMPARE(result.status, LookupStatus::Ok);
        QCOMPARE(result.answer->code, std::string("3633"));
        QCOMPARE(result.answer->source.kind, Provenance::Kind::VisteonAlgorithm);
        // No algorithm and no database: no code, never a guess.
        for (const char* serial : {"BP538769672026", "BE473912345678", "BE475700000001"}) {
            result = finder.lookup(serial);
            QCOMPARE(result.status, LookupStatus::NotFound);
            QVERIFY(!result.answer);
        }
        result = finder.lookup("BE781835000375");
        QCOMPARE(result.status, LookupStatus::Unsupported);
        QVERIFY(!result.answer);
        result = finder.lookup("BPO38769672026");
        QCOMPARE(result.status, LookupStatus::Invalid);
        QVERIFY(!result.answer);
        // Incomplete input is finalised: too short is invalid, never Incomplete.
        result = finder.lookup("BP5387");
        QCOMPARE(result.status, LookupStatus::Invalid);
        QCOMPARE(result.recognition.state, InputState::Invalid);
        QCOMPARE(result.recognition.message.id, MessageId::MoreDigitsNeeded);
        QCOMPARE(result.recognition.message.count, 8);
        // "M123" may be a Visteon serial cut short: no code without the family.
        result = finder.lookup("M123");
        QCOMPARE(result.status, LookupStatus::Invalid);
        QCOMPARE(result.recognition.message.id, MessageId::AmbiguousFamily);
        QVERIFY(!result.answer);
        result = finder.lookup("M123", Family::Renault);
        QCOMPARE(result.status, LookupStatus::Ok);
        QCOMPARE(result.answer->code, formatCode(*renaultPrecodeCode("M123")));
        result = finder.lookup("M12");
        QCOMPARE(result.status, LookupStatus::Invalid);
        // The family given is respected.
        result = finder.lookup("M123456", Family::Renault);
        QCOMPARE(result.status, LookupStatus::Invalid);
        QCOMPARE(result.recognition.message.id, MessageId::LooksLikeOtherFamily);
    }

    // lookupInto() with one result for many inputs, as batch uses it: each answer is exactly
    // lookup()'s, whatever came before (a code, no code, another source's code).
    void lookupIntoReusesOneResult() {
        FakeImportSource database;
        CodeFinder finder;
        finder.addSource(&database);
        const std::vector<std::string> inputs = {
            "M212365", "J727",    "BP538769672026",   "BP000000000001", "BPO38769672026",
            "M123",    "A099",    "BE781835000375",   "m212365",        "",
            "RTBT019", "M123456", "815CM538769672026"};
        LookupResult reused;
        for (const std::string& before : inputs) {
            for (const std::string& input : inputs) {
                finder.lookupInto(reused, before);
                finder.lookupInto(reused, input);
                const LookupResult expected = finder.lookup(input);
                const QByteArray context = QByteArray::fromStdString(input + " after " + before);
                QVERIFY2(reused.status == expected.status, context.constData());
                QVERIFY2(reused.sourcesAsked == expected.sourcesAsked, context.constData());
                QVERIFY2(reused.sourceFailure == expected.sourceFailure, context.constData());
                QVERIFY2(reused.answer.has_value() == expected.answer.has_value(),
                         context.constData());
                if (expected.answer) {
                    QVERIFY2(reused.answer->code == expected.answer->code, context.constData());
                    QVERIFY2(reused.answer->source == expected.answer->source, context.constData());
                }
                QVERIFY2(reused.recognition.state == expected.recognition.state,
                         context.constData());
                QVERIFY2(reused.recognition.serial == expected.recognition.serial,
                         context.constData());
                QVERIFY2(reused.recognition.message.id == expected.recognition.message.id,
                         context.constData());
                QVERIFY2(reused.recognition.suggestions == expected.recognition.suggestions,
                         context.constData());
            }
        }
        // The algorithm's answer through findInto() is find()'s.
        const AlgorithmSource algorithms;
        CodeAnswer answer{"stale", {Provenance::Kind::Imported, "a stale list.csv", "Ann", "2026"}};
        QVERIFY(algorithms.findInto(Family::Visteon, "M212365", answer));
        QCOMPARE(answer.code, std::string("3633"));
        QCOMPARE(answer.source.kind, Provenance::Kind::VisteonAlgorithm);
        QVERIFY(answer.source.detail.empty() && answer.source.who.empty());
        QVERIFY(answer.source.when.empty());
        QVERIFY(!algorithms.findInto(Family::Blaupunkt, "BP538769672026", answer));
        QVERIFY(!algorithms.findInto(Family::Renault, "A099", answer));
    }

    // A further source (as the code database will be) is asked for the families it serves, and
    // its answer names it.
    void extraSourceIsAskedAndNamed() {
        FakeImportSource database;
        CodeFinder finder;
        finder.addSource(&database);
        finder.addSource(nullptr); // ignored

        LookupResult result = finder.lookup("BP53876 9672026");
        QCOMPARE(result.status, LookupStatus::Ok);
        QCOMPARE(result.answer->code, std::string("1234"));
        QCOMPARE(result.answer->source, Provenance::imported("x.csv"));
        QCOMPARE(database.asked, std::vector<std::string>{"BP538769672026"});

        // The 17-character label form reaches the source normalised.
        result = finder.lookup("815CM538769672026");
        QCOMPARE(result.status, LookupStatus::Ok);
        QCOMPARE(database.asked.back(), std::string("BP538769672026"));

        // Another Blaupunkt serial: asked, does not know it: not-found.
        result = finder.lookup("BP000000000001");
        QCOMPARE(result.status, LookupStatus::NotFound);
        QCOMPARE(result.sourcesAsked, 1);
        QCOMPARE(database.asked.back(), std::string("BP000000000001"));

        // Without a database nobody was asked: "not on record" would be untrue, and says so.
        const LookupResult unasked = CodeFinder().lookup("BP000000000001");
        QCOMPARE(unasked.status, LookupStatus::NotFound);
        QCOMPARE(unasked.sourcesAsked, 0);

        // Not asked about families it does not serve, nor about invalid input.
        const std::size_t before = database.asked.size();
        QCOMPARE(finder.lookup("J727").answer->source.kind, Provenance::Kind::RenaultAlgorithm);
        QCOMPARE(finder.lookup("BE473912345678").status, LookupStatus::NotFound);
        QCOMPARE(finder.lookup("BPO38769672026").status, LookupStatus::Invalid);
        QCOMPARE(database.asked.size(), before);
    }

    // A 7th-character O may be the letter or the digit: both readings are real serials. A code on
    // record for one is shown only when the other holds no different code.
    void twoReadingsWithDifferentCodesGiveNoCode() {
        MapSource database;
        CodeFinder finder;
        finder.addSource(&database);

        database.rows = {{"BP5511O2151786", "1111"}};
        LookupResult result = finder.lookup("BP5511O2151786");
        QCOMPARE(result.status, LookupStatus::Ok);
        QCOMPARE(result.answer->recordedSerial, std::string("BP5511O2151786"));

        database.rows = {{"BP551102151786", "2222"}};
        result = finder.lookup("BP5511O2151786");
        QCOMPARE(result.status, LookupStatus::Ok);
        QCOMPARE(result.answer->code, std::string("2222"));
        QCOMPARE(result.answer->recordedSerial, std::string("BP551102151786"));

        // The same code for both readings: shown.
        database.rows = {{"BP5511O2151786", "3333"}, {"BP551102151786", "3333"}};
        QCOMPARE(finder.lookup("BP5511O2151786").status, LookupStatus::Ok);

        // Two different codes: none, and the digit reading offered to type instead.
        database.rows = {{"BP5511O2151786", "1111"}, {"BP551102151786", "2222"}};
        result = finder.lookup("815cm 5511o2151786");
        QCOMPARE(result.status, LookupStatus::Invalid);
        QVERIFY(!result.answer);
        QCOMPARE(result.recognition.message.id, MessageId::ReadingsDisagree);
        QCOMPARE(messageIdName(result.recognition.message.id),
                 std::string_view("readings-disagree"));
        QCOMPARE(result.recognition.suggestions, std::vector<std::string>{"BP551102151786"});

        // The digit typed as such has one reading: its own code.
        result = finder.lookup("BP551102151786");
        QCOMPARE(result.status, LookupStatus::Ok);
        QCOMPARE(result.answer->code, std::string("2222"));
    }

    void algorithmsComeFirst() {
        GreedySource greedy;
        CodeFinder finder;
        finder.addSource(&greedy);
        QCOMPARE(finder.lookup("J727").answer->source.kind, Provenance::Kind::RenaultAlgorithm);
        QCOMPARE(finder.lookup("M212365").answer->code, std::string("3633"));
        QCOMPARE(greedy.askedCount, 0);
        QCOMPARE(finder.lookup("BE781835000375").status, LookupStatus::Unsupported);
        QCOMPARE(finder.lookup("A099").status, LookupStatus::Invalid);
        QCOMPARE(finder.lookup("").status, LookupStatus::Invalid);
        QCOMPARE(greedy.askedCount, 0);
        const LookupResult result = finder.lookup("BE475712345678");
        QCOMPARE(result.status, LookupStatus::Ok);
        QCOMPARE(result.answer->source.id(), std::string("database:confirmed:greedy"));
        QCOMPARE(greedy.askedCount, 1);
    }

    // Every row of the public vectors (tests/data/vectors/public.csv).
    void publicVectors() {
        QFile file(QStringLiteral(RADIOCODE_TEST_DATA_DIR "/vectors/public.csv"));
        QVERIFY2(file.open(QIODevice::ReadOnly | QIODevice::Text), qPrintable(file.fileName()));
        const QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'));
        QCOMPARE(csvFields(lines.first()),
                 QStringList({QStringLiteral("input"), QStringLiteral("series"),
                              QStringLiteral("serial"), QStringLiteral("status"),
                              QStringLiteral("code"), QStringLiteral("note")}));
        const CodeFinder finder;
        int rows = 0;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            if (lines.at(i).trimmed().isEmpty())
                continue;
            const QStringList row = csvFields(lines.at(i));
            QCOMPARE(row.size(), 6);
            const QString& input = row[0];
            const LookupResult result = finder.lookup(utf8(input));
            const QString context = QStringLiteral("row %1 (%2)").arg(i + 1).arg(input);
            QVERIFY2(QString::fromLatin1(lookupStatusId(result.status).data()) == row[3],
                     qPrintable(context));
            if (!row[1].isEmpty()) {
                QVERIFY2(result.recognition.family, qPrintable(context));
                QVERIFY2(QString::fromLatin1(familyId(*result.recognition.family).data()) == row[1],
                         qPrintable(context));
            }
            if (!row[2].isEmpty())
                QVERIFY2(QString::fromStdString(result.recognition.serial) == row[2],
                         qPrintable(context));
            if (!row[4].isEmpty()) {
                QVERIFY2(result.answer, qPrintable(context));
                QVERIFY2(QString::fromStdString(result.answer->code) == row[4],
                         qPrintable(context));
            } else {
                QVERIFY2(!result.answer, qPrintable(context));
            }
            // "suggest X" in the note: X is offered.
            const qsizetype suggestAt = row[5].indexOf(QLatin1String("suggest "));
            if (suggestAt >= 0) {
                const std::string suggested = utf8(row[5].mid(suggestAt + 8).trimmed());
                QVERIFY2(std::find(result.recognition.suggestions.begin(),
                                   result.recognition.suggestions.end(),
                                   suggested) != result.recognition.suggestions.end(),
                         qPrintable(context));
            }
            ++rows;
        }
        QVERIFY(rows >= 11);
    }
};

QTEST_APPLESS_MAIN(LookupTest)
#include "tst_lookup.moc"
