<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en">
    <context>
        <name>Database</name>
        <message>
            <source>The SQLite driver for Qt is not installed (libqt6sql6-sqlite).</source>
            <translation>Der SQLite-Treiber für Qt ist nicht installiert (libqt6sql6-sqlite).</translation>
        </message>
        <message>
            <source>Cannot create the folder %1 for the database.</source>
            <translation>Der Ordner %1 für die Datenbank kann nicht angelegt werden.</translation>
        </message>
        <message>
            <source>%1 is a folder: the database must be a file.</source>
            <translation>%1 ist ein Ordner: Die Datenbank muss eine Datei sein.</translation>
        </message>
        <message>
            <source>Cannot create the database file %1: %2</source>
            <translation>Die Datenbankdatei %1 kann nicht angelegt werden: %2</translation>
        </message>
        <message>
            <source>The database file %1 is read-only: ask for write access to it or choose another database.</source>
            <translation>Die Datenbankdatei %1 ist schreibgeschützt: Fordern Sie Schreibrechte dafür an oder wählen Sie eine andere Datenbank.</translation>
        </message>
        <message>
            <source>The folder %1 is read-only: SQLite needs to write its journal beside the database file.</source>
            <translation>Der Ordner %1 ist schreibgeschützt: SQLite muss sein Journal neben die Datenbankdatei schreiben.</translation>
        </message>
        <message>
            <source>The PostgreSQL driver for Qt is not installed (libqt6sql6-psql).</source>
            <translation>Der PostgreSQL-Treiber für Qt ist nicht installiert (libqt6sql6-psql).</translation>
        </message>
        <message>
            <source>Cannot connect to the database %1: %2</source>
            <translation>Keine Verbindung zur Datenbank %1 möglich: %2</translation>
        </message>
        <message>
            <source>The database %1 was written by a newer version of this program (schema %2; this version knows up to schema %3). It was not changed: update the program to use it.</source>
            <translation>Die Datenbank %1 wurde von einer neueren Version dieses Programms geschrieben (Schema %2; diese Version kennt Schemas bis %3). Sie wurde nicht verändert: Aktualisieren Sie das Programm, um sie zu verwenden.</translation>
        </message>
        <message>
            <source>The database %1 holds other tables (%2) and is not a radiocode database: choose another one.</source>
            <translation>Die Datenbank %1 enthält andere Tabellen (%2) und ist keine radiocode-Datenbank: Wählen Sie eine andere.</translation>
        </message>
        <message>
            <source>Updating the database to schema %1 failed, nothing was changed: %2</source>
            <translation>Die Aktualisierung der Datenbank auf Schema %1 ist fehlgeschlagen, nichts wurde geändert: %2</translation>
        </message>
        <message>
            <source>The database %1 is locked by another program that is writing to it. Try again in a moment, or close the other program.</source>
            <translation>Die Datenbank %1 ist von einem anderen Programm gesperrt, das gerade hineinschreibt. Versuchen Sie es gleich noch einmal oder schließen Sie das andere Programm.</translation>
        </message>
        <message>
            <source>%1 is not a radiocode database, or it is damaged (%2). Choose another file; this one was not changed.</source>
            <translation>%1 ist keine radiocode-Datenbank oder ist beschädigt (%2). Wählen Sie eine andere Datei; diese wurde nicht verändert.</translation>
        </message>
        <message>
            <source>Cannot open the database file %1 (%2).</source>
            <translation>Die Datenbankdatei %1 kann nicht geöffnet werden (%2).</translation>
        </message>
        <message>
            <source>Lost the connection to the database %1: %2</source>
            <translation>Verbindung zur Datenbank %1 verloren: %2</translation>
        </message>
        <message>
            <source>The database %1 reported an error: %2</source>
            <translation>Die Datenbank %1 hat einen Fehler gemeldet: %2</translation>
        </message>
        <message>
            <source>The file is UTF-16 text: save it as CSV in UTF-8 and import it again.</source>
            <translation>Die Datei ist UTF-16-Text: Speichern Sie sie als CSV in UTF-8 und importieren Sie sie erneut.</translation>
        </message>
        <message>
            <source>Line %1, the header, has a quote that is never closed.</source>
            <translation>Zeile %1, die Kopfzeile, enthält ein Anführungszeichen, das nie geschlossen wird.</translation>
        </message>
        <message>
            <source>Line %1 must name the columns: a code list needs the columns “serial” and “code” (found: %2).</source>
            <translation>Zeile %1 muss die Spalten benennen: Eine Codeliste braucht die Spalten „serial“ und „code“ (gefunden: %2).</translation>
        </message>
        <message>
            <source>The file is empty: a code list starts with a header line naming the columns “serial” and “code”.</source>
            <translation>Die Datei ist leer: Eine Codeliste beginnt mit einer Kopfzeile, die die Spalten „serial“ und „code“ benennt.</translation>
        </message>
        <message>
            <source>%1 is already stored with code %2 (%3); the file says %4: the stored code was kept.</source>
            <translation>%1 ist bereits mit dem Code %2 gespeichert (%3); die Datei nennt %4: Der gespeicherte Code wurde beibehalten.</translation>
        </message>
        <message>
            <source>line %1 of this file</source>
            <translation>Zeile %1 dieser Datei</translation>
        </message>
        <message>
            <source>A quoted field is never closed (a " is missing): row skipped.</source>
            <translation>Ein Feld in Anführungszeichen wird nie geschlossen (ein " fehlt): Zeile übersprungen.</translation>
        </message>
        <message numerus="yes">
            <source>The row has %n column(s); the serial and the code need %1.</source>
            <translation>
                <numerusform>Die Zeile hat %n Spalte; Seriennummer und Code brauchen %1.</numerusform>
                <numerusform>Die Zeile hat %n Spalten; Seriennummer und Code brauchen %1.</numerusform>
            </translation>
        </message>
        <message>
            <source>The serial is empty.</source>
            <translation>Die Seriennummer ist leer.</translation>
        </message>
        <message>
            <source>Serial “%1”: %2</source>
            <translation>Seriennummer „%1“: %2</translation>
        </message>
        <message>
            <source>%1 is a %2 serial: its code is computed with the public algorithm, not stored.</source>
            <translation>%1 ist eine %2-Seriennummer: Ihr Code wird mit dem öffentlichen Algorithmus berechnet, nicht gespeichert.</translation>
        </message>
        <message>
            <source>The code “%1” for %2 is not exactly 4 digits.</source>
            <translation>Der Code „%1“ für %2 besteht nicht aus genau 4 Ziffern.</translation>
        </message>
        <message>
            <source>Cannot write the export: %1</source>
            <translation>Der Export kann nicht geschrieben werden: %1</translation>
        </message>
        <message>
            <source>Job %1 does not exist.</source>
            <translation>Auftrag %1 existiert nicht.</translation>
        </message>
        <message>
            <source>%1 The database needs updating to schema %2 first, which cannot be done while it cannot be written.</source>
            <translation>%1 Die Datenbank muss zuerst auf Schema %2 aktualisiert werden; das geht nicht, solange sie nicht beschreibbar ist.</translation>
        </message>
        <message>
            <source>%1 Nothing can be saved until then; lookups still work.</source>
            <translation>%1 Bis dahin kann nichts gespeichert werden; Abfragen funktionieren weiterhin.</translation>
        </message>
        <message>
            <source>Lost the connection to the database %1 and cannot connect again. Check that the server is running and reachable, then try again.</source>
            <translation>Die Verbindung zur Datenbank %1 ist abgebrochen und kann nicht wiederhergestellt werden. Prüfen Sie, ob der Server läuft und erreichbar ist, und versuchen Sie es erneut.</translation>
        </message>
        <message>
            <source>Lost the connection to the database %1 and cannot connect again (%2). Check that the server is running and reachable, then try again.</source>
            <translation>Die Verbindung zur Datenbank %1 ist abgebrochen und kann nicht wiederhergestellt werden (%2). Prüfen Sie, ob der Server läuft und erreichbar ist, und versuchen Sie es erneut.</translation>
        </message>
        <message>
            <source>Writing the database file %1 failed: it reached the file size limit set for this program (%2). Nothing was saved; raise the limit (ulimit -f) or ask whoever set it, then try again.</source>
            <translation>Schreiben der Datenbankdatei %1 fehlgeschlagen: Sie hat die für dieses Programm gesetzte Dateigrößengrenze erreicht (%2). Nichts wurde gespeichert; erhöhen Sie die Grenze (ulimit -f) oder fragen Sie, wer sie gesetzt hat, und versuchen Sie es erneut.</translation>
        </message>
        <message>
            <source>The disk holding the database file %1 is full: nothing was saved. Free some space, then try again.</source>
            <translation>Der Datenträger mit der Datenbankdatei %1 ist voll: Nichts wurde gespeichert. Schaffen Sie Platz und versuchen Sie es erneut.</translation>
        </message>
        <message>
            <source>Reading or writing the database file %1 failed (%2): the disk may be full, the file may have hit a size limit, or the disk may be failing. Nothing was saved.</source>
            <translation>Lesen oder Schreiben der Datenbankdatei %1 fehlgeschlagen (%2): Der Datenträger ist vielleicht voll, die Datei hat eine Größengrenze erreicht oder der Datenträger ist defekt. Nichts wurde gespeichert.</translation>
        </message>
        <message>
            <source>Lost the connection to the database %1. Check that the server is running and reachable, then try again.</source>
            <translation>Die Verbindung zur Datenbank %1 ist abgebrochen. Prüfen Sie, ob der Server läuft und erreichbar ist, und versuchen Sie es erneut.</translation>
        </message>
        <message>
            <source>The database %1 reported an error it did not describe.</source>
            <translation>Die Datenbank %1 hat einen Fehler ohne Beschreibung gemeldet.</translation>
        </message>
    </context>
    <context>
        <name>DatabaseUrl</name>
        <message>
            <source>Use sqlite:/path/file.db or postgresql://user[:password]@host[:port]/dbname.</source>
            <translation>Verwenden Sie sqlite:/path/file.db oder postgresql://user[:password]@host[:port]/dbname.</translation>
        </message>
        <message>
            <source>“%1” is not a database URL: %2 %3</source>
            <translation>„%1“ ist keine Datenbank-URL: %2 %3</translation>
        </message>
        <message>
            <source>it is empty.</source>
            <translation>sie ist leer.</translation>
        </message>
        <message>
            <source>it does not start with sqlite: or postgresql://.</source>
            <translation>sie beginnt nicht mit sqlite: oder postgresql://.</translation>
        </message>
        <message>
            <source>the file name is missing.</source>
            <translation>der Dateiname fehlt.</translation>
        </message>
        <message>
            <source>“%1” is a folder, not a file.</source>
            <translation>„%1“ ist ein Ordner, keine Datei.</translation>
        </message>
        <message>
            <source>“%1” is not a known kind of database.</source>
            <translation>„%1“ ist keine bekannte Datenbankart.</translation>
        </message>
        <message>
            <source>postgresql: must be followed by //.</source>
            <translation>auf postgresql: muss // folgen.</translation>
        </message>
        <message>
            <source>the user name is missing (user@host).</source>
            <translation>der Benutzername fehlt (user@host).</translation>
        </message>
        <message>
            <source>the server name is missing.</source>
            <translation>der Servername fehlt.</translation>
        </message>
        <message>
            <source>the port must be a number from 1 to 65535.</source>
            <translation>der Port muss eine Zahl von 1 bis 65535 sein.</translation>
        </message>
        <message>
            <source>the database name is missing (…/dbname).</source>
            <translation>der Datenbankname fehlt (…/dbname).</translation>
        </message>
        <message>
            <source>the option “%1” contains a semicolon.</source>
            <translation>die Option „%1“ enthält ein Semikolon.</translation>
        </message>
    </context>
    <context>
        <name>InstructionSheet</name>
        <message>
            <source>Page %1</source>
            <translation>Seite %1</translation>
        </message>
        <message>
            <source>Workshop: ______________</source>
            <translation>Werkstatt: ______________</translation>
        </message>
        <message>
            <source>Job</source>
            <translation>Auftrag</translation>
        </message>
        <message>
            <source>Customer</source>
            <translation>Kunde</translation>
        </message>
        <message>
            <source>Registration</source>
            <translation>Kennzeichen</translation>
        </message>
        <message>
            <source>VIN</source>
            <translation>FIN</translation>
        </message>
        <message>
            <source>Technician</source>
            <translation>Techniker</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>Notizen</translation>
        </message>
        <message>
            <source>Radio and code</source>
            <translation>Radio und Code</translation>
        </message>
        <message>
            <source>Radio</source>
            <translation>Radio</translation>
        </message>
        <message>
            <source>Serial</source>
            <translation>Seriennummer</translation>
        </message>
        <message>
            <source>Source: %1</source>
            <translation>Quelle: %1</translation>
        </message>
        <message>
            <source>No code could be given: %1 Write it in the boxes once it is known.</source>
            <translation>Es konnte kein Code angegeben werden: %1 Tragen Sie ihn in die Kästchen ein, sobald er bekannt ist.</translation>
        </message>
        <message>
            <source>Where the serial is on the label</source>
            <translation>Wo die Seriennummer auf dem Etikett steht</translation>
        </message>
        <message>
            <source>Enter the code on the radio</source>
            <translation>Code am Radio eingeben</translation>
        </message>
        <message>
            <source>Press button %1 until the display shows digit %1 of the code.</source>
            <translation>Drücken Sie Taste %1, bis das Display Ziffer %1 des Codes anzeigt.</translation>
        </message>
        <message>
            <source>Cautions</source>
            <translation>Vorsichtshinweise</translation>
        </message>
        <message>
            <source>What to do next</source>
            <translation>Nächste Schritte</translation>
        </message>
        <message>
            <source>If the radio refuses the code</source>
            <translation>Wenn das Radio den Code ablehnt</translation>
        </message>
        <message>
            <source>Radio code instruction sheet</source>
            <translation>Radiocode-Anleitungsblatt</translation>
        </message>
        <message>
            <source>Cannot write %1: %2</source>
            <translation>%1 kann nicht geschrieben werden: %2</translation>
        </message>
        <message>
            <source>The sheet could not be drawn.</source>
            <translation>Das Blatt konnte nicht erstellt werden.</translation>
        </message>
        <message>
            <source>← SERIAL</source>
            <extracomment>Drawing of a Blaupunkt label; the arrow points at the serial. Keep it short.</extracomment>
            <translation>← SERIENNUMMER</translation>
        </message>
        <message>
            <source>BP + 12 digits</source>
            <extracomment>Drawing of a Blaupunkt label, under "← SERIAL". Keep it short.</extracomment>
            <translation>BP + 12 Ziffern</translation>
        </message>
        <message>
            <source>last 4 characters</source>
            <extracomment>Drawing of a Renault label: the precode is the end of the barcode text.</extracomment>
            <translation>die letzten 4 Zeichen</translation>
        </message>
        <message>
            <source>PRECODE</source>
            <extracomment>Drawing of a Renault label, beside the 4 highlighted characters. Very short.</extracomment>
            <translation>PRECODE</translation>
        </message>
        <message>
            <source>or hold buttons 1 + 6
to show it on the display</source>
            <extracomment>Drawing of a Renault label, small print on two lines (split at the line break).</extracomment>
            <translation>oder Stationstasten 1 + 6 halten,
um ihn im Display anzuzeigen</translation>
        </message>
        <message>
            <source>← model: 4 digits</source>
            <extracomment>Drawing of a Becker label; the arrow points at the Model No. Short; a line break may put what does not fit on a second line.</extracomment>
            <translation>← Modell: 4 Ziffern</translation>
        </message>
        <message>
            <source>← serial: 8 digits</source>
            <extracomment>Drawing of a Becker label; the arrow points at the Serial No. Short; a line break may put what does not fit on a second line.</extracomment>
            <translation>← Seriennummer:
8 Ziffern</translation>
        </message>
        <message>
            <source>Enter: BE + model + serial → %1</source>
            <extracomment>Drawing of a Becker label: what to type. %1 is the example serial.</extracomment>
            <translation>Eingabe: BE + Modell + Seriennummer → %1</translation>
        </message>
        <message>
            <source>SERIAL</source>
            <extracomment>Drawing of a Visteon label, above the highlighted serial. Keep it short.</extracomment>
            <translation>SERIENNUMMER</translation>
        </message>
        <message>
            <source>M + 6 digits. Some units show it on the
display while buttons 1 and 6 are held.</source>
            <extracomment>Drawing of a Visteon label, two lines (split at the line break).</extracomment>
            <translation>M + 6 Ziffern. Manche Geräte zeigen sie im Display,
während die Stationstasten 1 und 6 gedrückt werden.</translation>
        </message>
    </context>
    <context>
        <name>StorageTexts</name>
        <message>
            <source>Worked</source>
            <translation>Angenommen</translation>
        </message>
        <message>
            <source>Refused</source>
            <translation>Abgelehnt</translation>
        </message>
        <message>
            <source>Not tried</source>
            <translation>Nicht versucht</translation>
        </message>
        <message numerus="yes">
            <source>A code was refused %n time(s) for this serial: the radio is probably locked. Leave the radio switched on and wait about an hour (%1 minutes) until it accepts a code again, then check the serial on the label before the next try.</source>
            <translation>
                <numerusform>Für diese Seriennummer wurde %n-mal ein Code abgelehnt: Das Radio ist wahrscheinlich gesperrt. Lassen Sie das Radio eingeschaltet und warten Sie etwa eine Stunde (%1 Minuten), bis es wieder einen Code annimmt; prüfen Sie dann vor dem nächsten Versuch die Seriennummer auf dem Etikett.</numerusform>
                <numerusform>Für diese Seriennummer wurde %n-mal ein Code abgelehnt: Das Radio ist wahrscheinlich gesperrt. Lassen Sie das Radio eingeschaltet und warten Sie etwa eine Stunde (%1 Minuten), bis es wieder einen Code annimmt; prüfen Sie dann vor dem nächsten Versuch die Seriennummer auf dem Etikett.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>A code was refused %n time(s) for this serial before. Check the serial on the label again before trying: after %1 wrong codes the radio locks for about an hour.</source>
            <translation>
                <numerusform>Für diese Seriennummer wurde bereits %n-mal ein Code abgelehnt. Prüfen Sie die Seriennummer auf dem Etikett noch einmal, bevor Sie es versuchen: Nach %1 falschen Codes sperrt das Radio für etwa eine Stunde.</numerusform>
                <numerusform>Für diese Seriennummer wurde bereits %n-mal ein Code abgelehnt. Prüfen Sie die Seriennummer auf dem Etikett noch einmal, bevor Sie es versuchen: Nach %1 falschen Codes sperrt das Radio für etwa eine Stunde.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n imported</source>
            <translation>
                <numerusform>%n importiert</numerusform>
                <numerusform>%n importiert</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n duplicate(s)</source>
            <translation>
                <numerusform>%n Duplikat</numerusform>
                <numerusform>%n Duplikate</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n skipped</source>
            <translation>
                <numerusform>%n übersprungen</numerusform>
                <numerusform>%n übersprungen</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n conflict(s)</source>
            <translation>
                <numerusform>%n Konflikt</numerusform>
                <numerusform>%n Konflikte</numerusform>
            </translation>
        </message>
        <message>
            <source>Dry run, nothing saved: %1</source>
            <translation>Probelauf, nichts gespeichert: %1</translation>
        </message>
    </context>
    <context>
        <name>Texts</name>
        <message>
            <source>Model No</source>
            <translation>Model No</translation>
        </message>
        <message>
            <source>Serial No</source>
            <translation>Serial No</translation>
        </message>
        <message>
            <source>in %1, character %2</source>
            <translation>in %1, Stelle %2</translation>
        </message>
        <message>
            <source>at character %1</source>
            <translation>an Stelle %1</translation>
        </message>
        <message>
            <source>BP + 12 digits</source>
            <translation>BP + 12 Ziffern</translation>
        </message>
        <message>
            <source>1 letter + 3 digits (precode)</source>
            <translation>1 Buchstabe + 3 Ziffern (Precode)</translation>
        </message>
        <message>
            <source>BE + 4-digit model + 8-digit serial</source>
            <translation>BE + 4-stellige Modellnummer + 8-stellige Seriennummer</translation>
        </message>
        <message>
            <source>M + 6 digits</source>
            <translation>M + 6 Ziffern</translation>
        </message>
        <message>
            <source>Public algorithm</source>
            <translation>Öffentlicher Algorithmus</translation>
        </message>
        <message>
            <source>Code database</source>
            <translation>Code-Datenbank</translation>
        </message>
        <message>
            <source>Incomplete</source>
            <translation>Unvollständig</translation>
        </message>
        <message>
            <source>Valid</source>
            <translation>Gültig</translation>
        </message>
        <message>
            <source>Invalid</source>
            <translation>Ungültig</translation>
        </message>
        <message>
            <source>Not supported</source>
            <translation>Nicht unterstützt</translation>
        </message>
        <message>
            <source>Code found</source>
            <translation>Code gefunden</translation>
        </message>
        <message>
            <source>Invalid serial</source>
            <translation>Ungültige Seriennummer</translation>
        </message>
        <message>
            <source>Radio not supported</source>
            <translation>Radio nicht unterstützt</translation>
        </message>
        <message>
            <source>No code on record</source>
            <translation>Kein Code hinterlegt</translation>
        </message>
        <message>
            <source>Valid %1 serial: precode %2 taken from the end of the barcode text.</source>
            <translation>Gültige %1-Seriennummer: Precode %2 vom Ende des Barcode-Texts übernommen.</translation>
        </message>
        <message>
            <source>Valid %1 serial: the 17-character label form was shortened to %2.</source>
            <translation>Gültige %1-Seriennummer: Die 17-stellige Etikettform wurde auf %2 gekürzt.</translation>
        </message>
        <message>
            <source>Valid %1 serial.</source>
            <translation>Gültige %1-Seriennummer.</translation>
        </message>
        <message>
            <source>Type, paste or scan the serial from the radio's label.</source>
            <translation>Geben Sie die Seriennummer vom Etikett des Radios ein, fügen Sie sie ein oder scannen Sie sie.</translation>
        </message>
        <message numerus="yes">
            <source>Too short: %n more digit(s) needed.</source>
            <translation>
                <numerusform>Zu kurz: %n weitere Ziffer nötig.</numerusform>
                <numerusform>Zu kurz: %n weitere Ziffern nötig.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Too short: %n more character(s) needed.</source>
            <translation>
                <numerusform>Zu kurz: %n weiteres Zeichen nötig.</numerusform>
                <numerusform>Zu kurz: %n weitere Zeichen nötig.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n more digit(s).</source>
            <translation>
                <numerusform>Noch %n Ziffer.</numerusform>
                <numerusform>Noch %n Ziffern.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n more character(s).</source>
            <translation>
                <numerusform>Noch %n Zeichen.</numerusform>
                <numerusform>Noch %n Zeichen.</numerusform>
            </translation>
        </message>
        <message>
            <source>Keep typing: BP… is Blaupunkt, BE… is Becker, a letter and 3 digits is a Renault precode.</source>
            <translation>Tippen Sie weiter: BP… ist Blaupunkt, BE… ist Becker, ein Buchstabe und 3 Ziffern sind ein Renault-Precode.</translation>
        </message>
        <message>
            <source>%1 could be a Renault precode or the start of a Visteon serial (M + 6 digits): keep typing or choose the radio family.</source>
            <translation>%1 kann ein Renault-Precode oder der Anfang einer Visteon-Seriennummer (M + 6 Ziffern) sein: Tippen Sie weiter oder wählen Sie die Radiofamilie.</translation>
        </message>
        <message>
            <source>Not a serial of a known radio: %1 %2 cannot start one. Blaupunkt serials start with BP, Becker with BE, Visteon with M, Renault precodes with a letter.</source>
            <translation>Keine Seriennummer eines bekannten Radios: %1 %2 kann nicht am Anfang stehen. Blaupunkt-Seriennummern beginnen mit BP, Becker mit BE, Visteon mit M, Renault-Precodes mit einem Buchstaben.</translation>
        </message>
        <message>
            <source>This radio's serial starts with %1: %2 %3 does not fit.</source>
            <translation>Die Seriennummer dieses Radios beginnt mit %1: %2 %3 passt nicht.</translation>
        </message>
        <message>
            <source>This looks like a %1 serial, not this family's: choose %1 instead.</source>
            <translation>Das sieht nach einer %1-Seriennummer aus, nicht nach einer dieser Familie: Wählen Sie stattdessen %1.</translation>
        </message>
        <message>
            <source>A letter is needed %1, not %2.</source>
            <translation>Hier wird %1 ein Buchstabe benötigt, nicht %2.</translation>
        </message>
        <message>
            <source>Only digits belong here: %1 %2.</source>
            <translation>Hier gehören nur Ziffern hin: %1 %2.</translation>
        </message>
        <message>
            <source>The letter %1 %2 stands where a digit belongs: labels are easily misread (O and 0, I and 1, S and 5, B and 8).</source>
            <translation>Der Buchstabe %1 %2 steht dort, wo eine Ziffer hingehört: Etiketten werden leicht falsch gelesen (O und 0, I und 1, S und 5, B und 8).</translation>
        </message>
        <message>
            <source>%1 %2 is not a Latin letter (another keyboard layout?): serials use Latin letters only.</source>
            <translation>%1 %2 ist kein lateinischer Buchstabe (andere Tastaturbelegung?): Seriennummern enthalten nur lateinische Buchstaben.</translation>
        </message>
        <message>
            <source>The input holds an invisible control character %1: type the serial again.</source>
            <translation>Die Eingabe enthält ein unsichtbares Steuerzeichen %1: Geben Sie die Seriennummer erneut ein.</translation>
        </message>
        <message>
            <source>The input holds an invisible text-direction mark %1: it changes how the serial is displayed.</source>
            <translation>Die Eingabe enthält eine unsichtbare Textrichtungsmarke %1: Sie verändert, wie die Seriennummer angezeigt wird.</translation>
        </message>
        <message>
            <source>The input is not readable text (bad bytes at byte %1): type the serial again.</source>
            <translation>Die Eingabe ist kein lesbarer Text (ungültige Bytes bei Byte %1): Geben Sie die Seriennummer erneut ein.</translation>
        </message>
        <message>
            <source>Too long: this serial has %1 characters, %2 were given. Check for an extra character %3.</source>
            <translation>Zu lang: Diese Seriennummer hat %1 Zeichen, eingegeben wurden %2. Prüfen Sie auf ein überzähliges Zeichen %3.</translation>
        </message>
        <message>
            <source>The input is far too long (%1 bytes) to be a radio serial: at most %2.</source>
            <translation>Die Eingabe ist viel zu lang (%1 Bytes) für eine Radio-Seriennummer: höchstens %2.</translation>
        </message>
        <message>
            <source>A000 to A099 are not precodes: check the label again (the precode is the last four characters of the barcode text).</source>
            <translation>A000 bis A099 sind keine Precodes: Prüfen Sie das Etikett erneut (der Precode sind die letzten vier Zeichen des Barcode-Texts).</translation>
        </message>
        <message>
            <source>Becker model %1 was not fitted to Nissan vehicles: only BE4739 and BE4757 are covered.</source>
            <translation>Das Becker-Modell %1 wurde nicht in Nissan-Fahrzeuge eingebaut: Nur BE4739 und BE4757 werden abgedeckt.</translation>
        </message>
        <message>
            <source>Did you mean %1?</source>
            <translation>Meinten Sie %1?</translation>
        </message>
        <message>
            <source>Press button %1 until the display shows %2.</source>
            <translation>Drücken Sie Taste %1, bis das Display %2 anzeigt.</translation>
        </message>
        <message>
            <source>Press and hold preset 6, TA or SEEK ▲ for %1–%2 seconds to confirm.</source>
            <translation>Halten Sie zum Bestätigen Stationstaste 6, TA oder SEEK ▲ %1–%2 Sekunden lang gedrückt.</translation>
        </message>
        <message>
            <source>Press OK or ENTER to confirm.</source>
            <translation>Drücken Sie zum Bestätigen OK oder ENTER.</translation>
        </message>
        <message>
            <source>Confirm with the button the vehicle handbook names: it varies on these units.</source>
            <translation>Bestätigen Sie mit der Taste, die in der Bedienungsanleitung des Fahrzeugs genannt ist: Sie ist bei diesen Geräten unterschiedlich.</translation>
        </message>
        <message>
            <source>Each wrong code costs an attempt: after %1 wrong entries most units lock for about %2 minutes, and repeated lock-outs can lock the radio for good.</source>
            <translation>Jeder falsche Code kostet einen Versuch: Nach %1 Fehleingaben sperren die meisten Geräte für etwa %2 Minuten, und wiederholte Sperren können das Radio dauerhaft sperren.</translation>
        </message>
        <message>
            <source>The confirm button varies by model: check the vehicle handbook.</source>
            <translation>Die Bestätigungstaste ist je nach Modell unterschiedlich: Prüfen Sie die Bedienungsanleitung des Fahrzeugs.</translation>
        </message>
        <message>
            <source>If the display shows WAIT or counts down, leave the radio switched on and wait until it asks for the code again.</source>
            <translation>Wenn das Display WAIT zeigt oder herunterzählt, lassen Sie das Radio eingeschaltet und warten Sie, bis es wieder nach dem Code fragt.</translation>
        </message>
        <message>
            <source>Look for the radio card first</source>
            <translation>Zuerst nach der Radiokarte suchen</translation>
        </message>
        <message>
            <source>Wrong serial</source>
            <translation>Falsche Seriennummer</translation>
        </message>
        <message>
            <source>Changed radio</source>
            <translation>Radio getauscht</translation>
        </message>
        <message>
            <source>Memory reprogrammed</source>
            <translation>Speicher umprogrammiert</translation>
        </message>
        <message>
            <source>The owner's radio card ("Radio Pass", "Safety-Nr" or PIN) may already hold the code for this serial.</source>
            <translation>Die Radiokarte des Halters („Radio Pass“, „Safety-Nr“ oder PIN) enthält möglicherweise bereits den Code für diese Seriennummer.</translation>
        </message>
        <message>
            <source>The usual cause: O and 0, I and 1 mixed up, or a missing character. Read the label again.</source>
            <translation>Die häufigste Ursache: O und 0, I und 1 verwechselt oder ein fehlendes Zeichen. Lesen Sie das Etikett noch einmal.</translation>
        </message>
        <message>
            <source>A previous owner may have swapped the radio: a code card or dealer record for the car then belongs to another unit.</source>
            <translation>Ein Vorbesitzer hat das Radio möglicherweise getauscht: Eine Codekarte oder ein Händlereintrag zum Fahrzeug gehört dann zu einem anderen Gerät.</translation>
        </message>
        <message>
            <source>Rarely, the unit's memory was reprogrammed in a repair: no code or button sequence helps then, the unit needs bench work.</source>
            <translation>Selten wurde der Speicher des Geräts bei einer Reparatur umprogrammiert: Dann hilft weder ein Code noch eine Tastenfolge, das Gerät muss auf der Werkbank instand gesetzt werden.</translation>
        </message>
        <message>
            <source>Computed with the public Renault precode algorithm.</source>
            <translation>Berechnet mit dem öffentlichen Renault-Precode-Algorithmus.</translation>
        </message>
        <message>
            <source>Computed with the public Visteon M-serial algorithm.</source>
            <translation>Berechnet mit dem öffentlichen Visteon-M-Seriennummern-Algorithmus.</translation>
        </message>
        <message>
            <source>From the code database, imported from %1.</source>
            <translation>Aus der Code-Datenbank, importiert aus %1.</translation>
        </message>
        <message>
            <source>From the code database, confirmed on a radio by %1.</source>
            <translation>Aus der Code-Datenbank, an einem Radio bestätigt von %1.</translation>
        </message>
        <message>
            <source>No public algorithm exists for %1 radios, and the code database holds no code for this serial.</source>
            <translation>Für %1-Radios gibt es keinen öffentlichen Algorithmus, und die Code-Datenbank enthält keinen Code für diese Seriennummer.</translation>
        </message>
        <message>
            <source>Read the serial on the label again, character by character.</source>
            <translation>Lesen Sie die Seriennummer auf dem Etikett noch einmal Zeichen für Zeichen.</translation>
        </message>
        <message>
            <source>Ask the radio maker's service or a dealer for this unit's code.</source>
            <translation>Fragen Sie den Service des Radioherstellers oder einen Händler nach dem Code dieses Geräts.</translation>
        </message>
        <message>
            <source>Look for the owner's radio card.</source>
            <translation>Suchen Sie nach der Radiokarte des Halters.</translation>
        </message>
        <message>
            <source>Look for the owner's radio card ("Radio Pass", "Safety-Nr" or PIN).</source>
            <translation>Suchen Sie nach der Radiokarte des Halters („Radio Pass“, „Safety-Nr“ oder PIN).</translation>
        </message>
        <message>
            <source>Ask a Nissan dealer for the code: they need the serial and the vehicle's VIN.</source>
            <translation>Fragen Sie einen Nissan-Händler nach dem Code: Er braucht die Seriennummer und die FIN des Fahrzeugs.</translation>
        </message>
        <message>
            <source>Once the code is known and has worked, record it in the code database.</source>
            <translation>Sobald der Code bekannt ist und funktioniert hat, tragen Sie ihn in die Code-Datenbank ein.</translation>
        </message>
        <message>
            <source>%1 is a Renault precode or the start of a Visteon serial cut short: choose the radio family (Renault, or Visteon with all 6 digits).</source>
            <translation>%1 ist ein Renault-Precode oder eine abgeschnittene Visteon-Seriennummer: Wählen Sie die Radiofamilie (Renault oder Visteon mit allen 6 Ziffern).</translation>
        </message>
        <message>
            <source>No serial given: the input is empty.</source>
            <translation>Keine Seriennummer angegeben: Die Eingabe ist leer.</translation>
        </message>
        <message>
            <source>Too short: %1 is only the start of a serial (a Renault precode is a letter and 3 digits, a Visteon serial M and 6 digits, Blaupunkt BP and 12 digits, Becker BE and 12 digits).</source>
            <translation>Zu kurz: %1 ist nur der Anfang einer Seriennummer (ein Renault-Precode ist ein Buchstabe und 3 Ziffern, eine Visteon-Seriennummer M und 6 Ziffern, Blaupunkt BP und 12 Ziffern, Becker BE und 12 Ziffern).</translation>
        </message>
        <message>
            <source>No public algorithm exists for %1 radios, and no code database could be consulted (none is set up, or it cannot be reached).</source>
            <translation>Für %1-Radios gibt es keinen öffentlichen Algorithmus, und es konnte keine Code-Datenbank abgefragt werden (keine eingerichtet oder nicht erreichbar).</translation>
        </message>
        <message>
            <source>The serial starts with BP and has 12 digits; labels often print a space between the groups (BP53876 9672026): type it with or without the space.</source>
            <translation>Die Seriennummer beginnt mit BP und hat 12 Ziffern; Etiketten drucken oft ein Leerzeichen zwischen den Gruppen (BP53876 9672026): Geben Sie sie mit oder ohne Leerzeichen ein.</translation>
        </message>
        <message>
            <source>Some labels print 17 characters starting with 815BP or 815CM: type them as printed, the leading 815 is dropped and CM becomes BP.</source>
            <translation>Manche Etiketten zeigen 17 Zeichen, beginnend mit 815BP oder 815CM: Geben Sie sie wie gedruckt ein; die führende 815 entfällt und CM wird zu BP.</translation>
        </message>
        <message>
            <source>No public algorithm exists for these radios: the code comes from the code database.</source>
            <translation>Für diese Radios gibt es keinen öffentlichen Algorithmus: Der Code kommt aus der Code-Datenbank.</translation>
        </message>
        <message>
            <source>The precode is one letter and three digits (for example T019).</source>
            <translation>Der Precode besteht aus einem Buchstaben und drei Ziffern (zum Beispiel T019).</translation>
        </message>
        <message>
            <source>It is printed in small type beside or below a long barcode: the last four characters of the barcode text are the precode. You may type or scan the whole barcode text.</source>
            <translation>Er steht klein gedruckt neben oder unter einem langen Barcode: Die letzten vier Zeichen des Barcode-Texts sind der Precode. Sie können den ganzen Barcode-Text eintippen oder scannen.</translation>
        </message>
        <message>
            <source>Many units show the precode on the display while buttons 1 and 6 are held together for a few seconds.</source>
            <translation>Viele Geräte zeigen den Precode im Display, wenn die Tasten 1 und 6 einige Sekunden lang gleichzeitig gedrückt werden.</translation>
        </message>
        <message>
            <source>A000 to A099 are not precodes.</source>
            <translation>A000 bis A099 sind keine Precodes.</translation>
        </message>
        <message>
            <source>The label has two fields: Model No (for example BE 4757) and Serial No (8 digits). Type each in its own field.</source>
            <translation>Das Etikett hat zwei Felder: Model No (zum Beispiel BE 4757) und Serial No (8 Ziffern). Geben Sie jedes in sein eigenes Feld ein.</translation>
        </message>
        <message>
            <source>Only models BE4739 and BE4757 were fitted to Nissan vehicles; other models are not covered.</source>
            <translation>Nur die Modelle BE4739 und BE4757 wurden in Nissan-Fahrzeuge eingebaut; andere Modelle werden nicht abgedeckt.</translation>
        </message>
        <message>
            <source>The serial is the letter M and six digits (for example M123456).</source>
            <translation>Die Seriennummer besteht aus dem Buchstaben M und sechs Ziffern (zum Beispiel M123456).</translation>
        </message>
        <message>
            <source>Some units show the serial on the display while buttons 1 and 6 are held.</source>
            <translation>Manche Geräte zeigen die Seriennummer im Display, solange die Tasten 1 und 6 gedrückt werden.</translation>
        </message>
        <message>
            <source>The code is computed with the public Visteon M-serial algorithm.</source>
            <translation>Der Code wird mit dem öffentlichen Visteon-M-Seriennummern-Algorithmus berechnet.</translation>
        </message>
        <message>
            <source>“%1”</source>
            <extracomment>Quotation marks around a character or serial the message points at: „%1“ in German.</extracomment>
            <translation>„%1“</translation>
        </message>
        <message>
            <source>Code database unreachable</source>
            <translation>Code-Datenbank nicht erreichbar</translation>
        </message>
        <message>
            <source>No public algorithm exists for %1 radios, and the code database could not be reached (%2): the code may be on record; try again when it is back.</source>
            <translation>Für %1-Radios gibt es keinen öffentlichen Algorithmus, und die Code-Datenbank war nicht erreichbar (%2): Der Code ist vielleicht erfasst; versuchen Sie es erneut, sobald sie wieder verfügbar ist.</translation>
        </message>
        <message>
            <source>Try again once the code database is back: check that the database server is running and reachable, or that the database file can be read.</source>
            <translation>Versuchen Sie es erneut, sobald die Code-Datenbank wieder verfügbar ist: Prüfen Sie, ob der Datenbankserver läuft und erreichbar ist oder ob die Datenbankdatei gelesen werden kann.</translation>
        </message>
    </context>
    <context>
        <name>Vin</name>
        <message>
            <source>“%1” at character %2 cannot be part of a VIN: only letters and digits.</source>
            <translation>„%1“ an Stelle %2 kann nicht Teil einer FIN sein: nur Buchstaben und Ziffern.</translation>
        </message>
        <message>
            <source>A VIN never contains I, O or Q: character %1 is “%2”. Read it as %3?</source>
            <translation>Eine FIN enthält nie I, O oder Q: Stelle %1 ist „%2“. Als %3 lesen?</translation>
        </message>
        <message>
            <source>Too long: a VIN has %1 characters, %2 were given.</source>
            <translation>Zu lang: Eine FIN hat %1 Zeichen, eingegeben wurden %2.</translation>
        </message>
        <message numerus="yes">
            <source>%n more character(s).</source>
            <translation>
                <numerusform>Noch %n Zeichen.</numerusform>
                <numerusform>Noch %n Zeichen.</numerusform>
            </translation>
        </message>
        <message>
            <source>Valid VIN.</source>
            <translation>Gültige FIN.</translation>
        </message>
    </context>
    <context>
        <name>main</name>
        <message>
            <source>Usage: radiocode-finder [--version] [--help] [--smoke-test] [Qt options such as -platform NAME]

Finds the unlock code of a Nissan radio and shows how to enter it. See also: radiocode --help</source>
            <translation>Aufruf: radiocode-finder [--version] [--help] [--smoke-test] [Qt-Optionen wie -platform NAME]

Findet den Freischaltcode eines Nissan-Radios und zeigt, wie er eingegeben wird. Siehe auch: radiocode --help</translation>
        </message>
    </context>
    <context>
        <name>radiocode::cli</name>
        <message>
            <source>List the radio families</source>
            <translation>Radiofamilien auflisten</translation>
        </message>
        <message>
            <source>%1 lines answered…</source>
            <translation>%1 Zeilen beantwortet…</translation>
        </message>
        <message>
            <source>%1 lines answered.</source>
            <translation>%1 Zeilen beantwortet.</translation>
        </message>
        <message>
            <source>only one input file can be given ("%1").</source>
            <translation>es kann nur eine Eingabedatei angegeben werden ("%1").</translation>
        </message>
        <message>
            <source>unknown option "%1".</source>
            <translation>unbekannte Option "%1".</translation>
        </message>
        <message>
            <source>radiocode batch: cannot open %1: %2</source>
            <translation>radiocode batch: %1 kann nicht geöffnet werden: %2</translation>
        </message>
        <message>
            <source>radiocode batch: cannot write the output.</source>
            <translation>radiocode batch: Die Ausgabe kann nicht geschrieben werden.</translation>
        </message>
        <message>
            <source>radiocode batch: reading %1 failed: %2</source>
            <translation>radiocode batch: Lesen von %1 fehlgeschlagen: %2</translation>
        </message>
        <message>
            <source>standard input</source>
            <translation>Standardeingabe</translation>
        </message>
        <message>
            <source>Usage: radiocode db import FILE [--dry-run] [--json]</source>
            <translation>Aufruf: radiocode db import FILE [--dry-run] [--json]</translation>
        </message>
        <message>
            <source>       radiocode db add SERIAL CODE --technician NAME [--replace]</source>
            <translation>       radiocode db add SERIAL CODE --technician NAME [--replace]</translation>
        </message>
        <message>
            <source>       radiocode db export [FILE] [--force]</source>
            <translation>       radiocode db export [FILE] [--force]</translation>
        </message>
        <message>
            <source>       radiocode db info</source>
            <translation>       radiocode db info</translation>
        </message>
        <message>
            <source>The workshop's code database holds the Blaupunkt and Becker codes: imported dealer lists and codes technicians confirmed on a radio.</source>
            <translation>Die Code-Datenbank der Werkstatt enthält die Blaupunkt- und Becker-Codes: importierte Händlerlisten und Codes, die Techniker an einem Radio bestätigt haben.</translation>
        </message>
        <message>
            <source>import a CSV list with the columns serial and code (comma or semicolon). All accepted rows or none are saved; a stored code is never overwritten.</source>
            <translation>eine CSV-Liste mit den Spalten serial und code importieren (Komma oder Semikolon). Es werden alle angenommenen Zeilen gespeichert oder keine; ein gespeicherter Code wird nie überschrieben.</translation>
        </message>
        <message>
            <source>check and count, save nothing</source>
            <translation>prüfen und zählen, nichts speichern</translation>
        </message>
        <message>
            <source>print one JSON object: imported, duplicates, skipped, conflicts, errors</source>
            <translation>ein JSON-Objekt ausgeben: imported, duplicates, skipped, conflicts, errors</translation>
        </message>
        <message>
            <source>record a code that worked on the radio</source>
            <translation>einen Code erfassen, der am Radio funktioniert hat</translation>
        </message>
        <message>
            <source>replace another code stored for the serial</source>
            <translation>einen anderen für die Seriennummer gespeicherten Code ersetzen</translation>
        </message>
        <message>
            <source>write every code as CSV (serial,code,family,source,origin,created_at) to FILE or the standard output; --force overwrites an existing FILE</source>
            <translation>jeden Code als CSV (serial,code,family,source,origin,created_at) in FILE oder auf die Standardausgabe schreiben; --force überschreibt eine vorhandene Datei FILE</translation>
        </message>
        <message>
            <source>show which database is used and what it holds</source>
            <translation>anzeigen, welche Datenbank verwendet wird und was sie enthält</translation>
        </message>
        <message>
            <source>The database is --database URL, else $RADIOCODE_DATABASE, else the desktop program's setting, else %1. URLs: sqlite:/path/file.db, postgresql://user[:password]@host[:port]/dbname.</source>
            <translation>Die Datenbank ist --database URL, sonst $RADIOCODE_DATABASE, sonst die Einstellung des Desktop-Programms, sonst %1. URLs: sqlite:/path/file.db, postgresql://user[:password]@host[:port]/dbname.</translation>
        </message>
        <message>
            <source>Exit status: 0 done, 2 invalid input or arguments, 3 the file or the database could not be used (or a different code is already stored).</source>
            <translation>Exit-Status: 0 erledigt, 2 ungültige Eingabe oder Argumente, 3 die Datei oder die Datenbank konnte nicht verwendet werden (oder ein anderer Code ist bereits gespeichert).</translation>
        </message>
        <message>
            <source>unknown option %1</source>
            <translation>unbekannte Option %1</translation>
        </message>
        <message>
            <source>one file at a time (got %1 and %2)</source>
            <translation>nur eine Datei auf einmal (erhalten: %1 und %2)</translation>
        </message>
        <message>
            <source>the CSV file to import is missing</source>
            <translation>die zu importierende CSV-Datei fehlt</translation>
        </message>
        <message>
            <source>%1 is a folder, not a CSV file.</source>
            <translation>%1 ist ein Ordner, keine CSV-Datei.</translation>
        </message>
        <message>
            <source>Cannot read %1: %2</source>
            <translation>%1 kann nicht gelesen werden: %2</translation>
        </message>
        <message>
            <source>Importing %1… %2%</source>
            <translation>%1 wird importiert… %2%</translation>
        </message>
        <message>
            <source>line %1: %2</source>
            <translation>Zeile %1: %2</translation>
        </message>
        <message>
            <source>--technician needs a name</source>
            <translation>--technician braucht einen Namen</translation>
        </message>
        <message>
            <source>give the serial and the code</source>
            <translation>Seriennummer und Code angeben</translation>
        </message>
        <message>
            <source>--technician NAME is needed: a confirmed code records who confirmed it</source>
            <translation>--technician NAME ist erforderlich: Bei einem bestätigten Code wird festgehalten, wer ihn bestätigt hat</translation>
        </message>
        <message>
            <source>%1 is a %2 serial: its code is computed with the public algorithm, not stored.</source>
            <translation>%1 ist eine %2-Seriennummer: Ihr Code wird mit dem öffentlichen Algorithmus berechnet, nicht gespeichert.</translation>
        </message>
        <message>
            <source>the code “%1” is not exactly 4 digits.</source>
            <translation>der Code „%1“ besteht nicht aus genau 4 Ziffern.</translation>
        </message>
        <message>
            <source>Saved: %1 code %2, confirmed by %3.</source>
            <translation>Gespeichert: %1 Code %2, bestätigt von %3.</translation>
        </message>
        <message>
            <source>Saved: %1 code %2, confirmed by %3 (replaces %4 from %5).</source>
            <translation>Gespeichert: %1 Code %2, bestätigt von %3 (ersetzt %4 von %5).</translation>
        </message>
        <message>
            <source>Confirmed: %1 code %2 (from %3) is now marked as confirmed by %4.</source>
            <translation>Bestätigt: %1 Code %2 (aus %3) ist jetzt als von %4 bestätigt markiert.</translation>
        </message>
        <message>
            <source>Already stored: %1 code %2 (%3).</source>
            <translation>Bereits gespeichert: %1 Code %2 (%3).</translation>
        </message>
        <message>
            <source>%1 is already stored with code %2 (%3): not changed. If the radio accepted %4, add it again with --replace.</source>
            <translation>%1 ist bereits mit Code %2 gespeichert (%3): nicht geändert. Wenn das Radio %4 angenommen hat, fügen Sie ihn mit --replace erneut hinzu.</translation>
        </message>
        <message>
            <source>one file at a time</source>
            <translation>nur eine Datei auf einmal</translation>
        </message>
        <message>
            <source>unexpected argument %1</source>
            <translation>unerwartetes Argument %1</translation>
        </message>
        <message>
            <source>Database: %1 (chosen by %2)</source>
            <translation>Datenbank: %1 (gewählt durch %2)</translation>
        </message>
        <message>
            <source>Schema version: %1</source>
            <translation>Schemaversion: %1</translation>
        </message>
        <message>
            <source>Codes stored: %1</source>
            <translation>Gespeicherte Codes: %1</translation>
        </message>
        <message>
            <source>radiocode: the code database cannot be used, so Blaupunkt and Becker codes cannot be looked up: %1</source>
            <translation>radiocode: Die Code-Datenbank kann nicht verwendet werden, daher können keine Blaupunkt- und Becker-Codes nachgeschlagen werden: %1</translation>
        </message>
        <message>
            <source>%1 already exists: add --force to overwrite it.</source>
            <translation>%1 existiert bereits: Fügen Sie --force hinzu, um die Datei zu überschreiben.</translation>
        </message>
        <message>
            <source>Cannot write %1: %2</source>
            <translation>%1 kann nicht geschrieben werden: %2</translation>
        </message>
        <message>
            <source>Usage: radiocode families</source>
            <translation>Aufruf: radiocode families</translation>
        </message>
        <message>
            <source>Lists the radio families: id (for --family), name, serial format, where the code comes from, an example serial.</source>
            <translation>Listet die Radiofamilien auf: ID (für --family), Name, Seriennummernformat, Herkunft des Codes, eine Beispiel-Seriennummer.</translation>
        </message>
        <message>
            <source>unexpected argument "%1".</source>
            <translation>unerwartetes Argument "%1".</translation>
        </message>
        <message>
            <source>ID</source>
            <translation>ID</translation>
        </message>
        <message>
            <source>NAME</source>
            <translation>NAME</translation>
        </message>
        <message>
            <source>SERIAL FORMAT</source>
            <translation>SERIENNUMMERNFORMAT</translation>
        </message>
        <message>
            <source>CODE FROM</source>
            <translation>CODE-QUELLE</translation>
        </message>
        <message>
            <source>EXAMPLE</source>
            <translation>BEISPIEL</translation>
        </message>
        <message>
            <source>Usage: radiocode jobs list [FILTERS] [--json]</source>
            <translation>Aufruf: radiocode jobs list [FILTERS] [--json]</translation>
        </message>
        <message>
            <source>       radiocode jobs export [FILE] [FILTERS] [--force]</source>
            <translation>       radiocode jobs export [FILE] [FILTERS] [--force]</translation>
        </message>
        <message>
            <source>       radiocode jobs add SERIAL [--code C] [--outcome O] [--attempts N] [--technician T] [--customer C] [--registration R] [--vin V] [--source S]</source>
            <translation>       radiocode jobs add SERIAL [--code C] [--outcome O] [--attempts N] [--technician T] [--customer C] [--registration R] [--vin V] [--source S]</translation>
        </message>
        <message>
            <source>       radiocode jobs attempts SERIAL [--json]</source>
            <translation>       radiocode jobs attempts SERIAL [--json]</translation>
        </message>
        <message>
            <source>Filters:</source>
            <translation>Filter:</translation>
        </message>
        <message>
            <source>blaupunkt, renault, becker or visteon</source>
            <translation>blaupunkt, renault, becker oder visteon</translation>
        </message>
        <message>
            <source>worked, refused or not-tried</source>
            <translation>worked, refused oder not-tried</translation>
        </message>
        <message>
            <source>jobs from this day on (YYYY-MM-DD or a date and time)</source>
            <translation>Aufträge ab diesem Tag (YYYY-MM-DD oder ein Datum mit Uhrzeit)</translation>
        </message>
        <message>
            <source>jobs before this day</source>
            <translation>Aufträge vor diesem Tag</translation>
        </message>
        <message>
            <source>technician, customer, registration, VIN, serial or code contains TEXT</source>
            <translation>Techniker, Kunde, Kennzeichen, FIN, Seriennummer oder Code enthält TEXT</translation>
        </message>
        <message>
            <source>the newest N jobs only</source>
            <translation>nur die neuesten N Aufträge</translation>
        </message>
        <message>
            <source>attempts tells how often a code was refused for SERIAL since it last worked, and what to do before the next try.</source>
            <translation>attempts gibt an, wie oft für SERIAL ein Code abgelehnt wurde, seit zuletzt einer funktioniert hat, und was vor dem nächsten Versuch zu tun ist.</translation>
        </message>
        <message>
            <source>Exit status: 0 done, 2 invalid arguments, 3 the database could not be used.</source>
            <translation>Exit-Status: 0 erledigt, 2 ungültige Argumente, 3 die Datenbank konnte nicht verwendet werden.</translation>
        </message>
        <message>
            <source>--outcome needs a value</source>
            <translation>--outcome braucht einen Wert</translation>
        </message>
        <message>
            <source>unknown outcome “%1”: use worked, refused or not-tried</source>
            <translation>unbekanntes Ergebnis „%1“: Verwenden Sie worked, refused oder not-tried</translation>
        </message>
        <message>
            <source>%1 needs a date</source>
            <translation>%1 braucht ein Datum</translation>
        </message>
        <message>
            <source>“%1” is not a date: write it as YYYY-MM-DD, e.g. %2</source>
            <translation>„%1“ ist kein Datum: Schreiben Sie es als YYYY-MM-DD, z. B. %2</translation>
        </message>
        <message>
            <source>--search needs a text</source>
            <translation>--search braucht einen Text</translation>
        </message>
        <message>
            <source>--limit needs a positive number</source>
            <translation>--limit braucht eine positive Zahl</translation>
        </message>
        <message>
            <source>No jobs match.</source>
            <translation>Keine passenden Aufträge.</translation>
        </message>
        <message numerus="yes">
            <source>%n attempt(s)</source>
            <translation>
                <numerusform>%n Versuch</numerusform>
                <numerusform>%n Versuche</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 needs a value</source>
            <translation>%1 braucht einen Wert</translation>
        </message>
        <message>
            <source>--outcome needs worked, refused or not-tried</source>
            <translation>--outcome braucht worked, refused oder not-tried</translation>
        </message>
        <message>
            <source>--attempts needs a number from 0 to 99</source>
            <translation>--attempts braucht eine Zahl von 0 bis 99</translation>
        </message>
        <message>
            <source>give one serial</source>
            <translation>eine Seriennummer angeben</translation>
        </message>
        <message>
            <source>Saved job #%1.</source>
            <translation>Auftrag #%1 gespeichert.</translation>
        </message>
        <message>
            <source>No refused code is recorded for %1 since it last worked.</source>
            <translation>Für %1 ist seit dem letzten funktionierenden Code kein abgelehnter Code erfasst.</translation>
        </message>
        <message>
            <source>Usage: radiocode lookup SERIAL [--family F] [--json]</source>
            <translation>Aufruf: radiocode lookup SERIAL [--family F] [--json]</translation>
        </message>
        <message>
            <source>Finds the code for one radio serial and says how to enter it, or what is wrong with the serial. SERIAL may be given in parts as the label prints them (BP53876 9672026); put "--" before a serial that starts with a dash.</source>
            <translation>Findet den Code für eine Radio-Seriennummer und sagt, wie er eingegeben wird, oder was mit der Seriennummer nicht stimmt. SERIAL darf in Teilen angegeben werden, so wie das Etikett sie druckt (BP53876 9672026); setzen Sie "--" vor eine Seriennummer, die mit einem Bindestrich beginnt.</translation>
        </message>
        <message>
            <source>Options:</source>
            <translation>Optionen:</translation>
        </message>
        <message>
            <source>read the serial as this family's (blaupunkt, renault, becker, visteon)</source>
            <translation>die Seriennummer als eine dieser Familie lesen (blaupunkt, renault, becker, visteon)</translation>
        </message>
        <message>
            <source>answer as one JSON object</source>
            <translation>als ein JSON-Objekt antworten</translation>
        </message>
        <message>
            <source>Family: %1</source>
            <translation>Familie: %1</translation>
        </message>
        <message>
            <source>Serial: %1</source>
            <translation>Seriennummer: %1</translation>
        </message>
        <message>
            <source>Status: %1</source>
            <translation>Status: %1</translation>
        </message>
        <message>
            <source>What to do:</source>
            <translation>Was zu tun ist:</translation>
        </message>
        <message>
            <source>Code: %1</source>
            <translation>Code: %1</translation>
        </message>
        <message>
            <source>Source: %1 (%2)</source>
            <translation>Quelle: %1 (%2)</translation>
        </message>
        <message>
            <source>How to enter it:</source>
            <translation>So geben Sie ihn ein:</translation>
        </message>
        <message>
            <source>Take care:</source>
            <translation>Achtung:</translation>
        </message>
        <message>
            <source>the serial is missing.</source>
            <translation>die Seriennummer fehlt.</translation>
        </message>
        <message>
            <source>Find the code for one serial</source>
            <translation>Den Code für eine Seriennummer finden</translation>
        </message>
        <message>
            <source>Answer one serial per line as CSV</source>
            <translation>Eine Seriennummer pro Zeile als CSV beantworten</translation>
        </message>
        <message>
            <source>Write the printable instruction sheet (PDF)</source>
            <translation>Das druckbare Anleitungsblatt (PDF) erstellen</translation>
        </message>
        <message>
            <source>Import, add and export codes of the code database</source>
            <translation>Codes der Code-Datenbank importieren, hinzufügen und exportieren</translation>
        </message>
        <message>
            <source>List and export the job log</source>
            <translation>Das Auftragsprotokoll auflisten und exportieren</translation>
        </message>
        <message>
            <source>radiocode %1: unlock codes for Nissan radios (Blaupunkt, Renault, Becker, Visteon).</source>
            <translation>radiocode %1: Freischaltcodes für Nissan-Radios (Blaupunkt, Renault, Becker, Visteon).</translation>
        </message>
        <message>
            <source>Usage: radiocode [--database URL] [--lang tr|de|en] COMMAND [ARGUMENTS]</source>
            <translation>Aufruf: radiocode [--database URL] [--lang tr|de|en] COMMAND [ARGUMENTS]</translation>
        </message>
        <message>
            <source>Commands:</source>
            <translation>Befehle:</translation>
        </message>
        <message>
            <source>Options (before or after the command):</source>
            <translation>Optionen (vor oder nach dem Befehl):</translation>
        </message>
        <message>
            <source>the code database to use</source>
            <translation>die zu verwendende Code-Datenbank</translation>
        </message>
        <message>
            <source>the language of messages and steps</source>
            <translation>die Sprache der Meldungen und Schritte</translation>
        </message>
        <message>
            <source>this help; COMMAND --help: that command's</source>
            <translation>diese Hilfe; COMMAND --help: die Hilfe dieses Befehls</translation>
        </message>
        <message>
            <source>the program's version</source>
            <translation>die Version des Programms</translation>
        </message>
        <message>
            <source>Exit status: 0 a code was shown (or the work was done), 1 the serial is fine but no code can be given, 2 invalid input or arguments, 3 the work could not be done.</source>
            <translation>Exit-Status: 0 ein Code wurde angezeigt (oder die Arbeit wurde erledigt), 1 die Seriennummer ist in Ordnung, aber es kann kein Code angegeben werden, 2 ungültige Eingabe oder Argumente, 3 die Arbeit konnte nicht erledigt werden.</translation>
        </message>
        <message>
            <source>radiocode: %1 needs a value.</source>
            <translation>radiocode: %1 braucht einen Wert.</translation>
        </message>
        <message>
            <source>radiocode: unknown language "%1": use one of %2.</source>
            <translation>radiocode: unbekannte Sprache "%1": Verwenden Sie eine von %2.</translation>
        </message>
        <message>
            <source>radiocode: --family needs a value.</source>
            <translation>radiocode: --family braucht einen Wert.</translation>
        </message>
        <message>
            <source>radiocode: unknown radio family "%1": use one of %2.</source>
            <translation>radiocode: unbekannte Radiofamilie "%1": Verwenden Sie eine von %2.</translation>
        </message>
        <message>
            <source>Try "radiocode %1 --help".</source>
            <translation>Versuchen Sie "radiocode %1 --help".</translation>
        </message>
        <message>
            <source>radiocode: unknown command "%1".</source>
            <translation>radiocode: unbekannter Befehl "%1".</translation>
        </message>
        <message>
            <source>Try "radiocode --help".</source>
            <translation>Versuchen Sie "radiocode --help".</translation>
        </message>
        <message>
            <source>Usage: radiocode sheet SERIAL [--family F] --out FILE.pdf [--customer NAME] [--vehicle REGISTRATION] [--vin VIN] [--technician NAME] [--notes TEXT] [--workshop NAME] [--paper a4|letter]</source>
            <translation>Aufruf: radiocode sheet SERIAL [--family F] --out FILE.pdf [--customer NAME] [--vehicle REGISTRATION] [--vin VIN] [--technician NAME] [--notes TEXT] [--workshop NAME] [--paper a4|letter]</translation>
        </message>
        <message>
            <source>Writes the printable instruction sheet for one radio: the code in four boxes, how to key it in, the cautions and what to do when the radio refuses it. Without a code the boxes are left empty to fill in by hand. Needs no display.</source>
            <translation>Schreibt das druckbare Anleitungsblatt für ein Radio: den Code in vier Kästchen, wie er eingetippt wird, die Vorsichtshinweise und was zu tun ist, wenn das Radio ihn ablehnt. Ohne Code bleiben die Kästchen leer, zum Ausfüllen von Hand. Benötigt keine grafische Oberfläche.</translation>
        </message>
        <message>
            <source>read the serial as this family's</source>
            <translation>die Seriennummer als eine dieser Familie lesen</translation>
        </message>
        <message>
            <source>where to write the PDF (required)</source>
            <translation>wohin das PDF geschrieben wird (erforderlich)</translation>
        </message>
        <message>
            <source>the customer, printed on the sheet</source>
            <translation>der Kunde, auf das Blatt gedruckt</translation>
        </message>
        <message>
            <source>the vehicle's registration</source>
            <translation>das Kennzeichen des Fahrzeugs</translation>
        </message>
        <message>
            <source>the vehicle identification number (17 characters)</source>
            <translation>die Fahrzeug-Identifizierungsnummer (17 Zeichen)</translation>
        </message>
        <message>
            <source>who does the job</source>
            <translation>wer den Auftrag ausführt</translation>
        </message>
        <message>
            <source>free notes</source>
            <translation>freie Notizen</translation>
        </message>
        <message>
            <source>the workshop's name (default: the one set in radiocode-finder)</source>
            <translation>der Name der Werkstatt (Standard: der in radiocode-finder eingestellte)</translation>
        </message>
        <message>
            <source>paper size (default: as set in radiocode-finder, else from the system's region)</source>
            <translation>Papierformat (Standard: wie in radiocode-finder eingestellt, sonst nach der Region des Systems)</translation>
        </message>
        <message>
            <source>Exit status: 0 the sheet was written with a code, 1 it was written without one (not-found, unsupported), 2 invalid serial or arguments, 3 the file could not be written.</source>
            <translation>Exit-Status: 0 das Blatt wurde mit Code geschrieben, 1 es wurde ohne Code geschrieben (not-found, unsupported), 2 ungültige Seriennummer oder Argumente, 3 die Datei konnte nicht geschrieben werden.</translation>
        </message>
        <message>
            <source>radiocode sheet: the sheet cannot be drawn without fonts.</source>
            <translation>radiocode sheet: Das Blatt kann ohne Schriftarten nicht erstellt werden.</translation>
        </message>
        <message>
            <source>unknown option %1.</source>
            <translation>unbekannte Option %1.</translation>
        </message>
        <message>
            <source>%1 needs a value.</source>
            <translation>%1 braucht einen Wert.</translation>
        </message>
        <message>
            <source>unknown paper size "%1": use a4 or letter.</source>
            <translation>unbekanntes Papierformat "%1": Verwenden Sie a4 oder letter.</translation>
        </message>
        <message>
            <source>--out FILE.pdf is missing.</source>
            <translation>--out FILE.pdf fehlt.</translation>
        </message>
        <message>
            <source>--vin: %1</source>
            <translation>--vin: %1</translation>
        </message>
        <message>
            <source>a VIN has 17 characters, %1 were given.</source>
            <translation>eine FIN hat 17 Zeichen, eingegeben wurden %1.</translation>
        </message>
        <message>
            <source>Sheet for %1 written to %2.</source>
            <translation>Blatt für %1 in %2 gespeichert.</translation>
        </message>
        <message>
            <source>Sheet for %1 written to %2 with empty code boxes: %3</source>
            <translation>Blatt für %1 mit leeren Code-Kästchen in %2 gespeichert: %3</translation>
        </message>
        <message>
            <source>Warning: %1</source>
            <translation>Warnung: %1</translation>
        </message>
        <message>
            <source>unknown action “%1”: use %2</source>
            <translation>unbekannte Aktion „%1“: Verwenden Sie %2</translation>
        </message>
        <message>
            <source>%1 or %2</source>
            <translation>%1 oder %2</translation>
        </message>
        <message>
            <source>Usage: radiocode batch [FILE|-] [--family F]</source>
            <translation>Aufruf: radiocode batch [FILE|-] [--family F]</translation>
        </message>
        <message>
            <source>Reads one serial per line from FILE (or standard input, also for "-") and writes one CSV row per line to standard output, with the header:</source>
            <translation>Liest eine Seriennummer pro Zeile aus FILE (oder der Standardeingabe, auch bei „-“) und schreibt pro Zeile eine CSV-Zeile auf die Standardausgabe, mit der Kopfzeile:</translation>
        </message>
        <message>
            <source>  input    the line as read (bytes that are not UTF-8 and NUL shown as �; lines over %1 bytes cut and marked with …)</source>
            <translation>  input    die Zeile wie gelesen (Bytes, die kein UTF-8 sind, und NUL als �; Zeilen über %1 Bytes gekürzt und mit … markiert)</translation>
        </message>
        <message>
            <source>  series   blaupunkt, renault, becker, visteon or unknown</source>
            <translation>  series   blaupunkt, renault, becker, visteon oder unknown</translation>
        </message>
        <message>
            <source>  serial   the normalised serial (empty when the line is invalid)</source>
            <translation>  serial   die normalisierte Seriennummer (leer, wenn die Zeile ungültig ist)</translation>
        </message>
        <message>
            <source>  code     the four digits when status is ok</source>
            <translation>  code     die vier Ziffern, wenn status ok ist</translation>
        </message>
        <message>
            <source>  source   where the code came from (algorithm:…, database:…)</source>
            <translation>  source   woher der Code stammt (algorithm:…, database:…)</translation>
        </message>
        <message>
            <source>  message  why there is no code, what is wrong and the suggestion, or how the line was read (precode from a barcode text, 17-character label); empty for a plain ok. English unless --lang is given.</source>
            <translation>  message  warum es keinen Code gibt, was falsch ist und der Vorschlag, oder wie die Zeile gelesen wurde (Precode aus einem Barcode-Text, 17-stelliges Etikett); leer bei einem einfachen ok. Englisch, außer mit --lang.</translation>
        </message>
        <message>
            <source>Every line is answered, blank lines as invalid; CRLF line ends are accepted. Fields are quoted as RFC 4180 says; rows end with LF.</source>
            <translation>Jede Zeile wird beantwortet, leere Zeilen als invalid; CRLF-Zeilenenden werden akzeptiert. Felder werden nach RFC 4180 in Anführungszeichen gesetzt; Zeilen enden mit LF.</translation>
        </message>
        <message>
            <source>read every line as this family's serial</source>
            <translation>jede Zeile als Seriennummer dieser Familie lesen</translation>
        </message>
        <message>
            <source>Exit status: 0 the input was read through, 2 bad arguments, 3 the file could not be read.</source>
            <translation>Exit-Status: 0 die Eingabe wurde vollständig gelesen, 2 falsche Argumente, 3 die Datei konnte nicht gelesen werden.</translation>
        </message>
        <message>
            <source>radiocode: the code database is open read-only: lookups work, nothing can be saved. %1</source>
            <translation>radiocode: Die Code-Datenbank ist schreibgeschützt geöffnet: Abfragen funktionieren, nichts kann gespeichert werden. %1</translation>
        </message>
        <message>
            <source>Exit status: 0 a code was found, 1 the serial is fine but no code can be given (not-found, unsupported), 2 the serial is invalid, 3 the code database could not be reached.</source>
            <translation>Exit-Status: 0 ein Code wurde gefunden, 1 die Seriennummer ist in Ordnung, aber es kann kein Code angegeben werden (not-found, unsupported), 2 die Seriennummer ist ungültig, 3 die Code-Datenbank war nicht erreichbar.</translation>
        </message>
        <message>
            <source>  status   ok, invalid, unsupported, not-found, or unreachable (the code database could not be asked: the code may be on record)</source>
            <translation>  status   ok, invalid, unsupported, not-found oder unreachable (die Code-Datenbank konnte nicht gefragt werden: Der Code ist vielleicht hinterlegt)</translation>
        </message>
        <message>
            <source>Cannot write the export: %1</source>
            <translation>Der Export kann nicht geschrieben werden: %1</translation>
        </message>
        <message>
            <source>radiocode: the output could not be written (is the disk full?).</source>
            <translation>radiocode: Die Ausgabe konnte nicht geschrieben werden (ist der Datenträger voll?).</translation>
        </message>
    </context>
    <context>
        <name>radiocode::gui::DatabaseIntegration</name>
        <message>
            <source>Record the code that worked</source>
            <translation>Funktionierenden Code erfassen</translation>
        </message>
        <message>
            <source>The 4-digit code the radio accepted for %1:</source>
            <translation>Der 4-stellige Code, den das Radio für %1 angenommen hat:</translation>
        </message>
        <message>
            <source>&amp;Import codes…</source>
            <translation>Codes &amp;importieren…</translation>
        </message>
        <message>
            <source>Job &amp;history…</source>
            <translation>Auftrags&amp;verlauf…</translation>
        </message>
        <message>
            <source>Database &amp;settings…</source>
            <translation>Datenbank-&amp;Einstellungen…</translation>
        </message>
        <message>
            <source>This code &amp;worked</source>
            <translation>Dieser Code hat &amp;funktioniert</translation>
        </message>
        <message>
            <source>Save the job as done; a database code is marked as confirmed by you.</source>
            <translation>Den Auftrag als erledigt speichern; ein Code aus der Datenbank wird als von Ihnen bestätigt markiert.</translation>
        </message>
        <message>
            <source>Count a wrong attempt for this radio and show what to do next.</source>
            <translation>Einen Fehlversuch für dieses Radio zählen und zeigen, was als Nächstes zu tun ist.</translation>
        </message>
        <message>
            <source>Keep this lookup in the job log.</source>
            <translation>Diese Abfrage im Auftragsprotokoll festhalten.</translation>
        </message>
        <message>
            <source>&amp;Record the code that worked…</source>
            <translation>Funktionierenden Code e&amp;rfassen…</translation>
        </message>
        <message>
            <source>The code came from the radio card or the dealer and the radio accepted it: keep it in the code database.</source>
            <translation>Der Code stammt von der Radiokarte oder vom Händler, und das Radio hat ihn angenommen: in der Code-Datenbank speichern.</translation>
        </message>
        <message>
            <source>Using %1</source>
            <translation>Verwendet: %1</translation>
        </message>
        <message>
            <source>No code database: %1</source>
            <translation>Keine Code-Datenbank: %1</translation>
        </message>
        <message>
            <source>Codes were refused before</source>
            <translation>Codes wurden bereits abgelehnt</translation>
        </message>
        <message>
            <source>Job log</source>
            <translation>Auftragsprotokoll</translation>
        </message>
        <message>
            <source>This code worked</source>
            <translation>Dieser Code hat funktioniert</translation>
        </message>
        <message>
            <source>Your name, to mark the code as confirmed (leave empty to only save the job):</source>
            <translation>Ihr Name, um den Code als bestätigt zu markieren (leer lassen, um nur den Auftrag zu speichern):</translation>
        </message>
        <message>
            <source>Code refused</source>
            <translation>Code abgelehnt</translation>
        </message>
        <message>
            <source>“%1” is not a code: a code is exactly 4 digits.</source>
            <translation>„%1“ ist kein Code: Ein Code besteht aus genau 4 Ziffern.</translation>
        </message>
        <message>
            <source>Your name (kept with the code, so colleagues know who confirmed it):</source>
            <translation>Ihr Name (wird mit dem Code gespeichert, damit Kollegen wissen, wer ihn bestätigt hat):</translation>
        </message>
        <message>
            <source>The database holds %1 for %2 (%3). Replace it with %4, which the radio accepted?</source>
            <translation>Die Datenbank enthält %1 für %2 (%3). Durch %4 ersetzen, den das Radio angenommen hat?</translation>
        </message>
        <message>
            <source>Code database</source>
            <translation>Code-Datenbank</translation>
        </message>
        <message>
            <source>Using %1 read-only: lookups work, nothing can be saved</source>
            <translation>%1 wird schreibgeschützt verwendet: Abfragen funktionieren, nichts kann gespeichert werden</translation>
        </message>
        <message>
            <source>Code &amp;refused</source>
            <translation>Code a&amp;bgelehnt</translation>
        </message>
        <message>
            <source>Save j&amp;ob</source>
            <translation>Auftrag spei&amp;chern</translation>
        </message>
        <message>
            <source>Opening the code database…</source>
            <translation>Die Code-Datenbank wird geöffnet…</translation>
        </message>
    </context>
    <context>
        <name>radiocode::gui::DatabaseSession</name>
        <message>
            <source>The code database cannot be opened.</source>
            <translation>Die Code-Datenbank kann nicht geöffnet werden.</translation>
        </message>
    </context>
    <context>
        <name>radiocode::gui::DatabaseSettingsPage</name>
        <message>
            <source>Code database</source>
            <translation>Code-Datenbank</translation>
        </message>
        <message>
            <source>Blaupunkt and Becker codes come from the workshop's code database. Leave the field empty for the file on this computer, or enter a shared database:&lt;br&gt;&lt;tt&gt;sqlite:/path/file.db&lt;/tt&gt; or &lt;tt&gt;postgresql://user[:password]@host[:port]/dbname&lt;/tt&gt;&lt;br&gt;A password in the address is saved as plain text in this program's settings; leave it out to use the PostgreSQL password file (~/.pgpass) instead.</source>
            <translation>Blaupunkt- und Becker-Codes kommen aus der Code-Datenbank der Werkstatt. Lassen Sie das Feld leer für die Datei auf diesem Computer, oder geben Sie eine gemeinsam genutzte Datenbank ein:&lt;br&gt;&lt;tt&gt;sqlite:/path/file.db&lt;/tt&gt; oder &lt;tt&gt;postgresql://user[:password]@host[:port]/dbname&lt;/tt&gt;&lt;br&gt;Ein Passwort in der Adresse wird im Klartext in den Einstellungen dieses Programms gespeichert; lassen Sie es weg, um stattdessen die PostgreSQL-Passwortdatei (~/.pgpass) zu verwenden.</translation>
        </message>
        <message>
            <source>Use the &amp;default</source>
            <translation>Stan&amp;dard verwenden</translation>
        </message>
        <message>
            <source>&amp;Test connection</source>
            <translation>Verbindung &amp;testen</translation>
        </message>
        <message>
            <source>Note: the environment variable %1 is set, so this program uses %2 whatever is saved here.</source>
            <translation>Hinweis: Die Umgebungsvariable %1 ist gesetzt, daher verwendet dieses Programm %2, unabhängig davon, was hier gespeichert ist.</translation>
        </message>
        <message>
            <source>Connecting…</source>
            <translation>Verbindung wird hergestellt…</translation>
        </message>
        <message numerus="yes">
            <source>Connected: schema %1, %n code(s) stored.</source>
            <translation>
                <numerusform>Verbunden: Schema %1, %n Code gespeichert.</numerusform>
                <numerusform>Verbunden: Schema %1, %n Codes gespeichert.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>radiocode::gui::FamilyCard</name>
        <message>
            <source>Serial: %1. Code from: %2.</source>
            <translation>Seriennummer: %1. Code-Quelle: %2.</translation>
        </message>
        <message>
            <source>%1 radio: serial %2</source>
            <translation>%1-Radio: Seriennummer %2</translation>
        </message>
    </context>
    <context>
        <name>radiocode::gui::FamilyPage</name>
        <message>
            <source>&amp;Continue with %1</source>
            <translation>&amp;Weiter mit %1</translation>
        </message>
        <message>
            <source>&amp;Continue</source>
            <translation>&amp;Weiter</translation>
        </message>
        <message>
            <source>The program recognises the radio family from the serial.</source>
            <translation>Das Programm erkennt die Radiofamilie an der Seriennummer.</translation>
        </message>
        <message>
            <source>Which radio?</source>
            <translation>Welches Radio?</translation>
        </message>
        <message>
            <source>Choose the make printed on the radio's label. The drawings show what each label looks like.</source>
            <translation>Wählen Sie die Marke, die auf dem Etikett des Radios steht. Die Zeichnungen zeigen, wie jedes Etikett aussieht.</translation>
        </message>
        <message>
            <source>&amp;Not sure? Type, paste or scan the serial:</source>
            <translation>&amp;Nicht sicher? Seriennummer eingeben, einfügen oder scannen:</translation>
        </message>
        <message>
            <source>e.g. BP53876 9672026, J727, M123456</source>
            <translation>z. B. BP53876 9672026, J727, M123456</translation>
        </message>
        <message>
            <source>Serial, any radio family</source>
            <translation>Seriennummer, beliebige Radiofamilie</translation>
        </message>
    </context>
    <context>
        <name>radiocode::gui::HelpPage</name>
        <message>
            <source>Help</source>
            <translation>Hilfe</translation>
        </message>
        <message>
            <source>&amp;Close help</source>
            <translation>Hilfe s&amp;chließen</translation>
        </message>
        <message>
            <source>Help text</source>
            <translation>Hilfetext</translation>
        </message>
        <message>
            <source>When the radio refuses the code</source>
            <translation>Wenn das Radio den Code ablehnt</translation>
        </message>
        <message>
            <source>Attempts and lock-out</source>
            <translation>Versuche und Sperre</translation>
        </message>
        <message>
            <source>Entering a code</source>
            <translation>Code eingeben</translation>
        </message>
        <message>
            <source>Station buttons 1 to 4 set the four digits: press 1 until the first digit shows, 2 for the second, 3 for the third and 4 for the fourth. Then confirm with the button the result page names.</source>
            <translation>Die Stationstasten 1 bis 4 stellen die vier Ziffern ein: Drücken Sie 1, bis die erste Ziffer erscheint, 2 für die zweite, 3 für die dritte und 4 für die vierte. Bestätigen Sie dann mit der Taste, die auf der Ergebnisseite genannt wird.</translation>
        </message>
        <message>
            <source>Keyboard</source>
            <translation>Tastatur</translation>
        </message>
        <message>
            <source>Go on: choose the focused card, look the serial up, next step</source>
            <translation>Weiter: ausgewählte Karte wählen, Seriennummer nachschlagen, nächster Schritt</translation>
        </message>
        <message>
            <source>Back one step</source>
            <translation>Einen Schritt zurück</translation>
        </message>
        <message>
            <source>Choose Blaupunkt, Renault, Becker, Visteon</source>
            <translation>Blaupunkt, Renault, Becker, Visteon wählen</translation>
        </message>
        <message>
            <source>Quick lookup field</source>
            <translation>Feld für die Schnellsuche</translation>
        </message>
        <message>
            <source>New radio</source>
            <translation>Neues Radio</translation>
        </message>
        <message>
            <source>Print the instruction sheet</source>
            <translation>Anleitungsblatt drucken</translation>
        </message>
        <message>
            <source>Save the instruction sheet as PDF</source>
            <translation>Anleitungsblatt als PDF speichern</translation>
        </message>
        <message>
            <source>Zoom the label drawing</source>
            <translation>Etikettzeichnung zoomen</translation>
        </message>
        <message>
            <source>This help</source>
            <translation>Diese Hilfe</translation>
        </message>
    </context>
    <context>
        <name>radiocode::gui::HistoryWindow</name>
        <message>
            <source>Job history</source>
            <translation>Auftragsverlauf</translation>
        </message>
        <message>
            <source>Serial, code, customer, registration, VIN or technician</source>
            <translation>Seriennummer, Code, Kunde, Kennzeichen, FIN oder Techniker</translation>
        </message>
        <message>
            <source>All radios</source>
            <translation>Alle Radios</translation>
        </message>
        <message>
            <source>Any outcome</source>
            <translation>Alle Ergebnisse</translation>
        </message>
        <message>
            <source>From</source>
            <translation>Von</translation>
        </message>
        <message>
            <source>To</source>
            <translation>Bis</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Datum</translation>
        </message>
        <message>
            <source>Radio</source>
            <translation>Radio</translation>
        </message>
        <message>
            <source>Serial</source>
            <translation>Seriennummer</translation>
        </message>
        <message>
            <source>Code</source>
            <translation>Code</translation>
        </message>
        <message>
            <source>Outcome</source>
            <translation>Ergebnis</translation>
        </message>
        <message>
            <source>Attempts</source>
            <translation>Versuche</translation>
        </message>
        <message>
            <source>Customer</source>
            <translation>Kunde</translation>
        </message>
        <message>
            <source>Registration</source>
            <translation>Kennzeichen</translation>
        </message>
        <message>
            <source>Technician</source>
            <translation>Techniker</translation>
        </message>
        <message>
            <source>&amp;Reopen</source>
            <translation>&amp;Wieder öffnen</translation>
        </message>
        <message>
            <source>Re&amp;print sheet…</source>
            <translation>Blatt erneut &amp;drucken…</translation>
        </message>
        <message>
            <source>&amp;Export CSV…</source>
            <translation>CSV &amp;exportieren…</translation>
        </message>
        <message>
            <source>No code database is open: see Database ▸ Settings.</source>
            <translation>Keine Code-Datenbank geöffnet: siehe Datenbank ▸ Datenbank-Einstellungen.</translation>
        </message>
        <message numerus="yes">
            <source>%n job(s)</source>
            <translation>
                <numerusform>%n Auftrag</numerusform>
                <numerusform>%n Aufträge</numerusform>
            </translation>
        </message>
        <message>
            <source>Cannot write %1: %2</source>
            <translation>%1 kann nicht geschrieben werden: %2</translation>
        </message>
        <message>
            <source>Export jobs</source>
            <translation>Aufträge exportieren</translation>
        </message>
        <message>
            <source>CSV files (*.csv)</source>
            <translation>CSV-Dateien (*.csv)</translation>
        </message>
        <message numerus="yes">
            <source>%n job(s) exported to %1.</source>
            <translation>
                <numerusform>%n Auftrag nach %1 exportiert.</numerusform>
                <numerusform>%n Aufträge nach %1 exportiert.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>radiocode::gui::ImportDialog</name>
        <message>
            <source>Import codes</source>
            <translation>Codes importieren</translation>
        </message>
        <message>
            <source>A CSV file with the columns serial and code</source>
            <translation>Eine CSV-Datei mit den Spalten serial und code</translation>
        </message>
        <message>
            <source>&amp;Choose file…</source>
            <translation>Datei &amp;wählen…</translation>
        </message>
        <message>
            <source>Choose the code list to import. Nothing is saved until you press Import.</source>
            <translation>Wählen Sie die zu importierende Codeliste. Gespeichert wird erst, wenn Sie auf „Importieren“ klicken.</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Abbrechen</translation>
        </message>
        <message>
            <source>Line</source>
            <translation>Zeile</translation>
        </message>
        <message>
            <source>Serial</source>
            <translation>Seriennummer</translation>
        </message>
        <message>
            <source>Problem</source>
            <translation>Problem</translation>
        </message>
        <message>
            <source>Replace stored code</source>
            <translation>Gespeicherten Code ersetzen</translation>
        </message>
        <message>
            <source>&amp;Import</source>
            <translation>&amp;Importieren</translation>
        </message>
        <message>
            <source>Replace stored codes</source>
            <translation>Gespeicherte Codes ersetzen</translation>
        </message>
        <message>
            <source>Code lists (*.csv *.txt);;All files (*)</source>
            <translation>Codelisten (*.csv *.txt);;Alle Dateien (*)</translation>
        </message>
        <message numerus="yes">
            <source>Import the list and replace %n stored code(s) with the file's code? The replaced codes are gone afterwards.</source>
            <translation>
                <numerusform>Liste importieren und %n gespeicherten Code durch den Code aus der Datei ersetzen? Der ersetzte Code ist danach verloren.</numerusform>
                <numerusform>Liste importieren und %n gespeicherte Codes durch die Codes aus der Datei ersetzen? Die ersetzten Codes sind danach verloren.</numerusform>
            </translation>
        </message>
        <message>
            <source>Cancelling…</source>
            <translation>Wird abgebrochen…</translation>
        </message>
        <message>
            <source>Checking %1…</source>
            <translation>%1 wird geprüft…</translation>
        </message>
        <message>
            <source>Importing %1…</source>
            <translation>%1 wird importiert…</translation>
        </message>
        <message>
            <source>Cannot read %1: %2</source>
            <translation>%1 kann nicht gelesen werden: %2</translation>
        </message>
        <message>
            <source>%1 cannot be imported: %2</source>
            <translation>%1 kann nicht importiert werden: %2</translation>
        </message>
        <message>
            <source>Check cancelled. Nothing was saved.</source>
            <translation>Prüfung abgebrochen. Es wurde nichts gespeichert.</translation>
        </message>
        <message>
            <source>Import cancelled. Nothing was saved.</source>
            <translation>Import abgebrochen. Es wurde nichts gespeichert.</translation>
        </message>
        <message>
            <source>%1 checked. If imported: %2.</source>
            <translation>%1 geprüft. Beim Import: %2.</translation>
        </message>
        <message>
            <source>Stored codes are kept; tick “Replace stored code” for a conflict only when you are sure the file is right.</source>
            <translation>Gespeicherte Codes bleiben erhalten; setzen Sie bei einem Konflikt das Häkchen „Gespeicherten Code ersetzen“ nur, wenn Sie sicher sind, dass die Datei stimmt.</translation>
        </message>
        <message>
            <source>Imported from %1: %2.</source>
            <translation>Importiert aus %1: %2.</translation>
        </message>
        <message numerus="yes">
            <source>%n stored code(s) replaced with the file's code.</source>
            <translation>
                <numerusform>%n gespeicherter Code durch den Code aus der Datei ersetzt.</numerusform>
                <numerusform>%n gespeicherte Codes durch die Codes aus der Datei ersetzt.</numerusform>
            </translation>
        </message>
        <message>
            <source>Replacing the chosen codes failed.</source>
            <translation>Das Ersetzen der gewählten Codes ist fehlgeschlagen.</translation>
        </message>
        <message>
            <source>Keep stored %1, or use %2</source>
            <translation>Gespeicherten Code %1 behalten oder %2 verwenden</translation>
        </message>
    </context>
    <context>
        <name>radiocode::gui::JobDetailsPage</name>
        <message>
            <source>Optional: 17 characters, never I, O or Q.</source>
            <translation>Optional: 17 Zeichen, nie I, O oder Q.</translation>
        </message>
        <message>
            <source>Job details</source>
            <translation>Auftragsdaten</translation>
        </message>
        <message>
            <source>Optional: these go on the instruction sheet. The technician's name is remembered for the next job.</source>
            <translation>Optional: Diese Angaben kommen auf das Anleitungsblatt. Der Name des Technikers wird für den nächsten Auftrag gespeichert.</translation>
        </message>
        <message>
            <source>C&amp;ustomer:</source>
            <translation>K&amp;unde:</translation>
        </message>
        <message>
            <source>&amp;Registration:</source>
            <translation>Ke&amp;nnzeichen:</translation>
        </message>
        <message>
            <source>V&amp;IN:</source>
            <translation>F&amp;IN:</translation>
        </message>
        <message>
            <source>&amp;Technician:</source>
            <translation>&amp;Techniker:</translation>
        </message>
        <message>
            <source>N&amp;otes:</source>
            <translation>N&amp;otizen:</translation>
        </message>
        <message>
            <source>Customer</source>
            <translation>Kunde</translation>
        </message>
        <message>
            <source>Registration</source>
            <translation>Kennzeichen</translation>
        </message>
        <message>
            <source>Vehicle identification number</source>
            <translation>Fahrzeug-Identifizierungsnummer</translation>
        </message>
        <message>
            <source>Technician</source>
            <translation>Techniker</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>Notizen</translation>
        </message>
        <message>
            <source>&amp;Back to the code</source>
            <translation>&amp;Zurück zum Code</translation>
        </message>
        <message>
            <source>Print pre&amp;view…</source>
            <translation>Druck&amp;vorschau…</translation>
        </message>
    </context>
    <context>
        <name>radiocode::gui::LabelGuidePage</name>
        <message>
            <source>Where is the serial? – %1</source>
            <translation>Wo ist die Seriennummer? – %1</translation>
        </message>
        <message>
            <source>Zoom &amp;in</source>
            <translation>&amp;Vergrößern</translation>
        </message>
        <message>
            <source>Zoom &amp;out</source>
            <translation>Verklei&amp;nern</translation>
        </message>
        <message>
            <source>Fit to &amp;window</source>
            <translation>An &amp;Fenster anpassen</translation>
        </message>
        <message>
            <source>Next: &amp;type the serial</source>
            <translation>Weiter: Seriennummer ein&amp;tippen</translation>
        </message>
        <message>
            <source>Enter</source>
            <translation>Enter</translation>
        </message>
        <message>
            <source>Zoom in (Ctrl++, Ctrl+mouse wheel)</source>
            <translation>Vergrößern (Strg++, Strg+Mausrad)</translation>
        </message>
        <message>
            <source>Zoom out (Ctrl+-)</source>
            <translation>Verkleinern (Strg+-)</translation>
        </message>
        <message>
            <source>Show the whole label (Ctrl+0)</source>
            <translation>Ganzes Etikett anzeigen (Strg+0)</translation>
        </message>
        <message>
            <source>Drawing of the %1 label</source>
            <translation>Zeichnung des %1-Etiketts</translation>
        </message>
        <message>
            <source>The serial area is highlighted in orange.</source>
            <translation>Der Bereich der Seriennummer ist orange hervorgehoben.</translation>
        </message>
        <message>
            <source>Serial:</source>
            <translation>Seriennummer:</translation>
        </message>
        <message>
            <source>Code from:</source>
            <translation>Code-Quelle:</translation>
        </message>
        <message>
            <source>The serial area is highlighted in orange on the drawing.</source>
            <translation>Der Bereich der Seriennummer ist in der Zeichnung orange hervorgehoben.</translation>
        </message>
    </context>
    <context>
        <name>radiocode::gui::MainWindow</name>
        <message>
            <source>About Nissan Radio Code Finder</source>
            <translation>Über Nissan Radio Code Finder</translation>
        </message>
        <message>
            <source>&lt;p&gt;&lt;b&gt;Nissan Radio Code Finder %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Finds the unlock code of a Nissan radio (Blaupunkt, Renault, Becker, Visteon) and shows how to enter it.&lt;/p&gt;&lt;p&gt;Codes come only from the public Renault precode and Visteon M-serial algorithms or from the workshop's code database; every result says which.&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;Nissan Radio Code Finder %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Findet den Freischaltcode eines Nissan-Radios (Blaupunkt, Renault, Becker, Visteon) und zeigt, wie er eingegeben wird.&lt;/p&gt;&lt;p&gt;Codes stammen ausschließlich aus den öffentlichen Algorithmen für Renault-Precodes und Visteon-M-Seriennummern oder aus der Code-Datenbank der Werkstatt; jedes Ergebnis nennt die Quelle.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>Code found for %1.</source>
            <translation>Code für %1 gefunden.</translation>
        </message>
        <message>
            <source>Radio</source>
            <translation>Radio</translation>
        </message>
        <message>
            <source>Label</source>
            <translation>Etikett</translation>
        </message>
        <message>
            <source>Serial</source>
            <translation>Seriennummer</translation>
        </message>
        <message>
            <source>Code</source>
            <translation>Code</translation>
        </message>
        <message>
            <source>Job details</source>
            <translation>Auftragsdaten</translation>
        </message>
        <message>
            <source>Help</source>
            <translation>Hilfe</translation>
        </message>
        <message>
            <source>Step %1 of 5: %2</source>
            <translation>Schritt %1 von 5: %2</translation>
        </message>
        <message>
            <source>Check the VIN before printing.</source>
            <translation>Prüfen Sie vor dem Drucken die FIN.</translation>
        </message>
        <message>
            <source>Print preview – instruction sheet</source>
            <translation>Druckvorschau – Anleitungsblatt</translation>
        </message>
        <message>
            <source>Print</source>
            <translation>Drucken</translation>
        </message>
        <message>
            <source>The sheet could not be sent to the printer.</source>
            <translation>Das Blatt konnte nicht an den Drucker gesendet werden.</translation>
        </message>
        <message>
            <source>Check the VIN before saving the sheet.</source>
            <translation>Prüfen Sie die FIN, bevor Sie das Blatt speichern.</translation>
        </message>
        <message>
            <source>radio-code-%1.pdf</source>
            <translation>radio-code-%1.pdf</translation>
        </message>
        <message>
            <source>Save the instruction sheet as PDF</source>
            <translation>Anleitungsblatt als PDF speichern</translation>
        </message>
        <message>
            <source>PDF files (*.pdf)</source>
            <translation>PDF-Dateien (*.pdf)</translation>
        </message>
        <message>
            <source>Save as PDF</source>
            <translation>Als PDF speichern</translation>
        </message>
        <message>
            <source>Saved %1.</source>
            <translation>%1 gespeichert.</translation>
        </message>
        <message>
            <source>Workshop name</source>
            <translation>Name der Werkstatt</translation>
        </message>
        <message>
            <source>The workshop's name, printed at the top of every sheet:</source>
            <translation>Der Name der Werkstatt, oben auf jedes Blatt gedruckt:</translation>
        </message>
        <message>
            <source>Nissan Radio Code Finder</source>
            <translation>Nissan Radio Code Finder</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;Datei</translation>
        </message>
        <message>
            <source>Print pre&amp;view…</source>
            <translation>Druck&amp;vorschau…</translation>
        </message>
        <message>
            <source>&amp;Print…</source>
            <translation>&amp;Drucken…</translation>
        </message>
        <message>
            <source>Save as P&amp;DF…</source>
            <translation>Als &amp;PDF speichern…</translation>
        </message>
        <message>
            <source>&amp;Workshop name…</source>
            <translation>&amp;Werkstattname…</translation>
        </message>
        <message>
            <source>P&amp;aper size</source>
            <translation>P&amp;apierformat</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Beenden</translation>
        </message>
        <message>
            <source>&amp;Go</source>
            <translation>&amp;Gehe zu</translation>
        </message>
        <message>
            <source>&amp;New radio</source>
            <translation>&amp;Neues Radio</translation>
        </message>
        <message>
            <source>&amp;Back</source>
            <translation>&amp;Zurück</translation>
        </message>
        <message>
            <source>&amp;Quick lookup</source>
            <translation>&amp;Schnellsuche</translation>
        </message>
        <message>
            <source>&amp;Job details</source>
            <translation>&amp;Auftragsdaten</translation>
        </message>
        <message>
            <source>&amp;Database</source>
            <translation>Datenban&amp;k</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>S&amp;prache</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Hilfe</translation>
        </message>
        <message>
            <source>&amp;Troubleshooting and keys</source>
            <translation>&amp;Fehlerbehebung und Tasten</translation>
        </message>
        <message>
            <source>&amp;About</source>
            <translation>Ü&amp;ber</translation>
        </message>
        <message>
            <source>&amp;Quick lookup:</source>
            <translation>&amp;Schnellsuche:</translation>
        </message>
        <message>
            <source>Serial of any radio, then Enter</source>
            <translation>Seriennummer eines beliebigen Radios, dann Enter</translation>
        </message>
        <message>
            <source>Quick lookup: serial of any radio</source>
            <translation>Schnellsuche: Seriennummer eines beliebigen Radios</translation>
        </message>
        <message>
            <source>Back</source>
            <translation>Zurück</translation>
        </message>
        <message>
            <source>Back one step (Esc)</source>
            <translation>Einen Schritt zurück (Esc)</translation>
        </message>
    </context>
    <context>
        <name>radiocode::gui::MarkedInput</name>
        <message>
            <source>Character %1 is marked</source>
            <translation>Zeichen %1 ist markiert</translation>
        </message>
    </context>
    <context>
        <name>radiocode::gui::ResultPage</name>
        <message>
            <source>%1 · serial %2</source>
            <translation>%1 · Seriennummer %2</translation>
        </message>
        <message>
            <source>Code</source>
            <translation>Code</translation>
        </message>
        <message>
            <source>Source: %1</source>
            <translation>Quelle: %1</translation>
        </message>
        <message>
            <source>You can still print the instruction sheet and write the code in its boxes once it is known.</source>
            <translation>Sie können das Anleitungsblatt trotzdem drucken und den Code in die Kästchen eintragen, sobald er bekannt ist.</translation>
        </message>
        <message>
            <source>Step</source>
            <translation>Schritt</translation>
        </message>
        <message>
            <source>Button</source>
            <translation>Taste</translation>
        </message>
        <message>
            <source>Press until the display shows</source>
            <translation>Drücken, bis das Display zeigt</translation>
        </message>
        <message>
            <source>Button %1</source>
            <translation>Taste %1</translation>
        </message>
        <message>
            <source>digit %1 of the code</source>
            <translation>Ziffer %1 des Codes</translation>
        </message>
        <message>
            <source>Then: %1</source>
            <translation>Dann: %1</translation>
        </message>
        <message>
            <source>Caution</source>
            <translation>Vorsicht</translation>
        </message>
        <message>
            <source>Enter the code on the radio</source>
            <translation>Code am Radio eingeben</translation>
        </message>
        <message>
            <source>Cautions</source>
            <translation>Vorsichtshinweise</translation>
        </message>
        <message>
            <source>If the radio refuses the code</source>
            <translation>Wenn das Radio den Code ablehnt</translation>
        </message>
        <message>
            <source>What to do next</source>
            <translation>Nächste Schritte</translation>
        </message>
        <message>
            <source>Print pre&amp;view…</source>
            <translation>Druck&amp;vorschau…</translation>
        </message>
        <message>
            <source>&amp;Print…</source>
            <translation>Dr&amp;ucken…</translation>
        </message>
        <message>
            <source>&amp;Save as PDF…</source>
            <translation>Als PDF spe&amp;ichern…</translation>
        </message>
        <message>
            <source>&amp;Job details…</source>
            <translation>&amp;Auftragsdaten…</translation>
        </message>
        <message>
            <source>&amp;New radio</source>
            <translation>&amp;Neues Radio</translation>
        </message>
        <message>
            <source>Steps to enter the code</source>
            <translation>Schritte zur Code-Eingabe</translation>
        </message>
    </context>
    <context>
        <name>radiocode::gui::SerialEntryPage</name>
        <message>
            <source>Type the serial – %1</source>
            <translation>Seriennummer eingeben – %1</translation>
        </message>
        <message>
            <source>%1 serial: %2. Type it as printed, paste it or scan the label's barcode; every character is checked as you type.</source>
            <translation>%1-Seriennummer: %2. Geben Sie sie wie gedruckt ein, fügen Sie sie ein oder scannen Sie den Barcode des Etiketts; jedes Zeichen wird schon beim Tippen geprüft.</translation>
        </message>
        <message>
            <source>&amp;Serial:</source>
            <translation>Serie&amp;nnummer:</translation>
        </message>
        <message>
            <source>%1 serial</source>
            <translation>%1-Seriennummer</translation>
        </message>
        <message>
            <source>&amp;Model No:</source>
            <translation>&amp;Model No:</translation>
        </message>
        <message>
            <source>Se&amp;rial No:</source>
            <translation>Seri&amp;al No:</translation>
        </message>
        <message>
            <source>Becker Model No</source>
            <translation>Becker Model No</translation>
        </message>
        <message>
            <source>Becker Serial No</source>
            <translation>Becker Serial No</translation>
        </message>
        <message>
            <source>Find the &amp;code</source>
            <translation>&amp;Code suchen</translation>
        </message>
        <message>
            <source>Enter</source>
            <translation>Enter</translation>
        </message>
        <message>
            <source>&amp;Where is the serial?</source>
            <translation>&amp;Wo ist die Seriennummer?</translation>
        </message>
    </context>
    <context>
        <name>radiocode::gui::StatusLine</name>
        <message>
            <source>Input state</source>
            <translation>Eingabestatus</translation>
        </message>
    </context>
    <context>
        <name>radiocode::gui::StatusMessage</name>
        <message>
            <source>&amp;Copy message</source>
            <translation>Meldung &amp;kopieren</translation>
        </message>
    </context>
    <context>
        <name>radiocode::gui::SuggestionBar</name>
        <message>
            <source>Did you mean one of these?</source>
            <translation>Meinten Sie eine dieser Angaben?</translation>
        </message>
        <message>
            <source>Use %1</source>
            <translation>%1 verwenden</translation>
        </message>
    </context>
</TS>
