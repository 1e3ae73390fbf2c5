// `radiocode scan IMAGE... [--json]`, run as a user runs it (the built binary, no display).
#include "label_images.h"

#include "process_run.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace radiocode;
using namespace radiocode::labelimages;

using radiocode::test::Run;

class TestScanCli : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;

    Run run(const QStringList& arguments) {
        QProcessEnvironment environment = radiocode::test::isolatedEnvironment(dir_.path());
        // No display at all, and a code database of the test's own.
        environment.remove(QStringLiteral("QT_QPA_PLATFORM"));
        environment.remove(QStringLiteral("DISPLAY"));
        environment.remove(QStringLiteral("WAYLAND_DISPLAY"));
        environment.insert(QStringLiteral("RADIOCODE_DATABASE"),
                           QStringLiteral("sqlite:") + dir_.filePath(QStringLiteral("codes.db")));
        return radiocode::test::runProcess(QStringLiteral(RADIOCODE_CLI),
                                           QStringList{QStringLiteral("scan")} + arguments,
                                           radiocode::test::RunOptions().environment(environment));
    }

    QString save(const QString& name, const QImage& image) {
        const QString path = dir_.filePath(name);
        if (!image.save(path))
            return {};
        return path;
    }

private slots:
    void rowsPerSerialAndPicture() {
        const Label renault = drawLabel(Family::Renault, 21);
        const Label visteon = drawLabel(Family::Visteon, 21); // 21 % 3 == 0: printed only
        const Label none = drawLabelWithoutSerial(21);
        const QString renaultPath = save(QStringLiteral("renault, photo.jpg"),
                                         degraded(renault.image, Degradation::Rotated, 2));
        const QString visteonPath = save(QStringLiteral("visteon.png"), visteon.image);
        const QString nonePath = save(QStringLiteral("other.png"), none.image);
        QVERIFY(!renaultPath.isEmpty() && !visteonPath.isEmpty() && !nonePath.isEmpty());

        const Run result = run({renaultPath, visteonPath, nonePath});
        QCOMPARE(result.exitCode, 0);
        const QStringList lines = QString::fromUtf8(result.out).split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 4);
        QCOMPARE(lines.at(0), QStringLiteral("file,series,serial,status,code,source,read_from"));
        // The file name has a comma: quoted as RFC 4180 says.
        QVERIFY2(lines.at(1).startsWith(u'"' + renaultPath + QStringLiteral("\",renault,") +
                                        renault.serial + QStringLiteral(",ok,")),
                 qPrintable(lines.at(1)));
        QVERIFY(lines.at(1).endsWith(QStringLiteral(",algorithm:renault-precode,barcode:Code128")));
        QVERIFY2(lines.at(2).startsWith(visteonPath + QStringLiteral(",visteon,") + visteon.serial +
                                        QStringLiteral(",ok,")),
                 qPrintable(lines.at(2)));
        QVERIFY(lines.at(2).endsWith(QStringLiteral(",algorithm:visteon-m-serial,text")));
        QCOMPARE(lines.at(3), nonePath + QStringLiteral(",,,no-serial,,,"));
    }

    void databaseFamiliesAreLookedUp() {
        // Blaupunkt: no code on record in an empty code database, said as not-found.
        const Label blaupunkt = drawLabel(Family::Blaupunkt, 22);
        const QString path = save(QStringLiteral("blaupunkt.png"), blaupunkt.image);
        const Run result = run({path});
        QCOMPARE(result.exitCode, 0);
        QCOMPARE(QString::fromUtf8(result.out).split(u'\n', Qt::SkipEmptyParts).value(1),
                 path + QStringLiteral(",blaupunkt,") + blaupunkt.serial +
                     QStringLiteral(",not-found,,,barcode:Code128"));
    }

    void aPictureThatCannotBeOpened() {
        const QString good = save(QStringLiteral("good.png"), drawLabel(Family::Renault, 23).image);
        const QString cut = dir_.filePath(QStringLiteral("cut.png"));
        {
            QFile source(good), target(cut);
            QVERIFY(source.open(QIODevice::ReadOnly) && target.open(QIODevice::WriteOnly));
            target.write(source.readAll().left(400));
        }
        const QString missing = dir_.filePath(QStringLiteral("missing.jpg"));
        const Run result = run({missing, good, cut});
        QCOMPARE(result.exitCode, 2);
        const QString err = QString::fromUtf8(result.err);
        QVERIFY2(err.contains(missing) && err.contains(QStringLiteral("no such file")),
                 qPrintable(err));
        QVERIFY2(err.contains(cut), qPrintable(err));
        // The picture that could be opened is still answered.
        const QStringList lines = QString::fromUtf8(result.out).split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        QVERIFY(lines.at(1).startsWith(good + QStringLiteral(",renault,")));
    }

    void json() {
        const Label becker = drawLabel(Family::Becker, 24);
        const QString path = save(QStringLiteral("becker.png"), becker.image);
        const Run result = run({QStringLiteral("--json"), path});
        QCOMPARE(result.exitCode, 0);
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(result.out, &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        const QJsonObject image =
            document.object()[QStringLiteral("images")].toArray().at(0).toObject();
        QCOMPARE(image[QStringLiteral("file")].toString(), path);
        const QJsonObject reading = image[QStringLiteral("readings")].toArray().at(0).toObject();
        QCOMPARE(reading[QStringLiteral("serial")].toString(), becker.serial);
        QCOMPARE(reading[QStringLiteral("read_from")].toString(), QStringLiteral("text"));
        QCOMPARE(reading[QStringLiteral("becker_serial_number")].toString(), becker.serial.mid(6));
        QVERIFY(reading[QStringLiteral("confidence")].toInt() >= 85);
        QCOMPARE(reading[QStringLiteral("where")].toArray().size(), 4);
    }

    void usage() {
        QCOMPARE(run({}).exitCode, 2);
        QCOMPARE(run({QStringLiteral("--bogus")}).exitCode, 2);
        const Run help = run({QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains("file,series,serial,status,code,source,read_from"));
    }
};

QTEST_MAIN(TestScanCli)
#include "tst_scan_cli.moc"
