// Provenance as a value: every machine form this program writes reads back as the same value,
// and the machine form of a value is byte for byte the form exports and JSON have always held.
#include "radiocode/code_source.h"
#include "radiocode/provenance.h"

#include <QTest>

using namespace radiocode;
using Kind = Provenance::Kind;

class ProvenanceTest : public QObject {
    Q_OBJECT

private slots:
    void machineForm_data() {
        QTest::addColumn<QString>("id");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("detail");
        QTest::addColumn<QString>("who");
        auto row = [](const char* id, Kind kind, const char* detail, const char* who) {
            QTest::newRow(id) << QString::fromUtf8(id) << static_cast<int>(kind)
                              << QString::fromUtf8(detail) << QString::fromUtf8(who);
        };
        row("algorithm:renault-precode", Kind::RenaultAlgorithm, "", "");
        row("algorithm:visteon-m-serial", Kind::VisteonAlgorithm, "", "");
        row("database:import:dealer list.csv", Kind::Imported, "dealer list.csv", "");
        row("database:import:a:b.csv (leading zeros restored)", Kind::Imported,
            "a:b.csv (leading zeros restored)", "");
        row("database:confirmed:Mehmet K.", Kind::Confirmed, "", "Mehmet K.");
        row("database:confirmed:", Kind::Confirmed, "", "");
        row("database:card:Ann", Kind::Card, "", "Ann");
        row("card:Ann", Kind::CardEntered, "", "Ann");
        row("dealer:Nissan Kartal", Kind::Dealer, "", "Nissan Kartal");
        row("manufacturer:Blaupunkt service", Kind::Manufacturer, "", "Blaupunkt service");
        row("database:legacy", Kind::OtherDatabase, "legacy", "");
        row("line 4 of this file", Kind::Other, "line 4 of this file", "");
        row("", Kind::Other, "", "");
    }
    void machineForm() {
        QFETCH(QString, id);
        QFETCH(int, kind);
        QFETCH(QString, detail);
        QFETCH(QString, who);
        const std::string bytes = id.toStdString();
        const Provenance read = Provenance::fromId(bytes);
        QCOMPARE(static_cast<int>(read.kind), kind);
        QCOMPARE(QString::fromStdString(read.detail), detail);
        QCOMPARE(QString::fromStdString(read.who), who);
        QCOMPARE(read.id(), bytes); // byte-identical both ways
    }

    void algorithmAnswersCarryTheirProvenance() {
        AlgorithmSource algorithms;
        const SourceResult visteon = algorithms.find(Family::Visteon, "M212365");
        QVERIFY(visteon.isFound());
        QCOMPARE(visteon.answer.source.kind, Kind::VisteonAlgorithm);
        QCOMPARE(visteon.answer.source.id(), std::string("algorithm:visteon-m-serial"));
        QVERIFY(!visteon.answer.source.isCodeDatabase());
        const SourceResult renault = algorithms.find(Family::Renault, "J727");
        QVERIFY(renault.isFound());
        QCOMPARE(renault.answer.source.kind, Kind::RenaultAlgorithm);
        QCOMPARE(renault.answer.source.id(), std::string("algorithm:renault-precode"));
        QVERIFY(Provenance::imported("x.csv").isCodeDatabase());
        QVERIFY(!Provenance::named(Kind::Dealer, "Kartal").isCodeDatabase());
    }
};

QTEST_APPLESS_MAIN(ProvenanceTest)
#include "tst_provenance.moc"
