<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en">
    <context>
        <name>Accessibility</name>
        <message>
            <source>Clear</source>
            <translation>Leeren</translation>
        </message>
        <message>
            <source>Empties the field</source>
            <translation>Leert das Feld</translation>
        </message>
        <message>
            <source>Drawing of the %1 label</source>
            <translation>Zeichnung des Typenschilds %1</translation>
        </message>
        <message>
            <source>The precode is highlighted in orange twice: as the last 4 characters of the small text under the long barcode (…RTBT019), and large at the bottom left (T019). Holding buttons 1 and 6 shows it on the display.</source>
            <translation>Der Precode ist zweimal orange markiert: als letzte 4 Zeichen des kleinen Texts unter dem langen Barcode (…RTBT019) und groß unten links (T019). Halten Sie die Stationstasten 1 und 6 gedrückt, erscheint er im Display.</translation>
        </message>
        <message>
            <source>Two fields are highlighted in orange: Model No (BE and 4 digits, for example BE 4757) and, below it, Serial No (8 digits, for example 35000375). Enter BE, the model digits and the serial digits: BE475735000375.</source>
            <translation>Zwei Felder sind orange markiert: Model No (BE und 4 Ziffern, zum Beispiel BE 4757) und darunter Serial No (8 Ziffern, zum Beispiel 35000375). Geben Sie BE, die Modellziffern und die Seriennummernziffern ein: BE475735000375.</translation>
        </message>
        <message>
            <source>The serial, M and 6 digits (for example M123456), is highlighted in orange at the top right, under the word SERIAL. Some units show it on the display while buttons 1 and 6 are held.</source>
            <translation>Die Seriennummer, M und 6 Ziffern (zum Beispiel M123456), ist oben rechts unter dem Wort SERIENNUMMER orange markiert. Manche Geräte zeigen sie im Display, während die Stationstasten 1 und 6 gedrückt gehalten werden.</translation>
        </message>
        <message>
            <source>Code %1</source>
            <translation>Code %1</translation>
        </message>
        <message>
            <source>The serial, BP and 12 characters (for example BP53876 9672026), is highlighted in orange at the bottom left, under the barcode and a 17-character line starting 815CM. The part number, 10 digits starting 7 6, is at the top right.</source>
            <translation>Die Seriennummer, BP und 12 Zeichen (zum Beispiel BP53876 9672026), ist unten links orange markiert, unter dem Barcode und einer 17-stelligen Zeile, die mit 815CM beginnt. Die Teilenummer, 10 Ziffern beginnend mit 7 6, steht oben rechts.</translation>
        </message>
    </context>
    <context>
        <name>CupsPrinting</name>
        <message>
            <source>The print system (CUPS) cannot be reached at %1. Check that the CUPS service is running.</source>
            <translation>Das Drucksystem (CUPS) ist unter %1 nicht erreichbar. Prüfen Sie, ob der CUPS-Dienst läuft.</translation>
        </message>
        <message>
            <source>%1 ("%2")</source>
            <translation>%1 („%2“)</translation>
        </message>
        <message>
            <source>There is no printer named "%1": no printer is set up on this computer.</source>
            <translation>Es gibt keinen Drucker namens „%1“: Auf diesem Computer ist kein Drucker eingerichtet.</translation>
        </message>
        <message>
            <source>There is no printer named "%1". Printers: %2.</source>
            <translation>Es gibt keinen Drucker namens „%1“. Drucker: %2.</translation>
        </message>
        <message>
            <source>No printer is set up on this computer. Add one in the system's printer settings (or with lpadmin), then print again.</source>
            <translation>Auf diesem Computer ist kein Drucker eingerichtet. Fügen Sie in den Druckereinstellungen des Systems (oder mit lpadmin) einen hinzu und drucken Sie dann erneut.</translation>
        </message>
        <message>
            <source>No default printer is set. Printers: %1. Choose one, or make one the default with "lpoptions -d NAME".</source>
            <translation>Es ist kein Standarddrucker festgelegt. Drucker: %1. Wählen Sie einen aus oder machen Sie einen mit „lpoptions -d NAME“ zum Standard.</translation>
        </message>
        <message>
            <source>The printer %1 is stopped: a job would wait in its queue. Start it (cupsenable %1) or choose another printer.</source>
            <translation>Der Drucker %1 ist angehalten: Ein Druckauftrag würde in seiner Warteschlange warten. Starten Sie ihn (cupsenable %1) oder wählen Sie einen anderen Drucker.</translation>
        </message>
        <message>
            <source>The printer %1 does not accept jobs. Let it accept them (cupsaccept %1) or choose another printer.</source>
            <translation>Der Drucker %1 nimmt keine Druckaufträge an. Lassen Sie ihn Aufträge annehmen (cupsaccept %1) oder wählen Sie einen anderen Drucker.</translation>
        </message>
        <message>
            <source>The printer %1 refused the job: %2</source>
            <translation>Der Drucker %1 hat den Druckauftrag abgelehnt: %2</translation>
        </message>
        <message>
            <source>The document could not be sent to the printer %1: %2</source>
            <translation>Das Dokument konnte nicht an den Drucker %1 gesendet werden: %2</translation>
        </message>
    </context>
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
            <translation>%1 ist eine %2-Seriennummer: Der Code dazu wird mit dem öffentlichen Algorithmus berechnet, nicht gespeichert.</translation>
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
        <message>
            <source>The database %1 is a radiocode database whose schema record is damaged (the table radiocode_meta or its schema_version row is missing). It was not changed: restore it from a backup, or choose another database.</source>
            <translation>Die Datenbank %1 ist eine radiocode-Datenbank, deren Schema-Eintrag beschädigt ist (die Tabelle radiocode_meta oder ihre Zeile schema_version fehlt). Sie wurde nicht verändert: Stellen Sie sie aus einer Sicherung wieder her oder wählen Sie eine andere Datenbank.</translation>
        </message>
        <message>
            <source>The database user %1 may not create tables in %2, and the code database needs its tables there. Ask the database's administrator to let this user create tables (GRANT CREATE ON SCHEMA public), or to open it once as its owner.</source>
            <translation>Der Datenbankbenutzer %1 darf in %2 keine Tabellen anlegen, und die Code-Datenbank braucht dort ihre Tabellen. Bitten Sie den Administrator der Datenbank, diesem Benutzer das Anlegen von Tabellen zu erlauben (GRANT CREATE ON SCHEMA public) oder sie einmal als ihr Eigentümer zu öffnen.</translation>
        </message>
        <message>
            <source>The code database %1 is busy: saving waited %2 s for another program that holds its tables (an import, a backup, a long query) and gave up. Nothing was saved; try again when the other program has finished.</source>
            <translation>Die Code-Datenbank %1 ist belegt: Das Speichern hat %2 s auf ein anderes Programm gewartet, das ihre Tabellen sperrt (ein Import, eine Sicherung, eine lange Abfrage), und dann aufgegeben. Nichts wurde gespeichert; versuchen Sie es erneut, wenn das andere Programm fertig ist.</translation>
        </message>
        <message>
            <source>The code database %1 is busy: it did not answer within %2 s, because another program holds its tables (an import, a backup, a long query). The code may be on record: try again in a moment.</source>
            <translation>Die Code-Datenbank %1 ist belegt: Sie hat nicht innerhalb von %2 s geantwortet, weil ein anderes Programm ihre Tabellen sperrt (ein Import, eine Sicherung, eine lange Abfrage). Der Code ist möglicherweise hinterlegt: Versuchen Sie es gleich noch einmal.</translation>
        </message>
        <message>
            <source>Line %1, the header, is longer than %2 bytes (it starts “%3”): this is not a code list.</source>
            <translation>Zeile %1, die Kopfzeile, ist länger als %2 Bytes (sie beginnt mit „%3“): Dies ist keine Codeliste.</translation>
        </message>
        <message>
            <source>Reading the file failed: %1</source>
            <translation>Das Lesen der Datei ist fehlgeschlagen: %1</translation>
        </message>
        <message>
            <source>Nothing from %1 was saved. %2</source>
            <translation>Nichts aus %1 wurde gespeichert. %2</translation>
        </message>
        <message>
            <source>The row is %1 bytes long, more than a code list's row can be (it starts “%2”): row skipped.</source>
            <translation>Die Zeile ist %1 Bytes lang, länger als eine Zeile einer Codeliste sein kann (sie beginnt mit „%2“): Zeile übersprungen.</translation>
        </message>
        <message>
            <source>The code “%1” for %2 looks like %3 with its leading zero lost by a spreadsheet: row skipped. Check the list, or import it again with leading zeros restored.</source>
            <translation>Der Code „%1“ für %2 sieht aus wie %3, dessen führende Null eine Tabellenkalkulation entfernt hat: Zeile übersprungen. Prüfen Sie die Liste oder importieren Sie sie erneut mit wiederhergestellten führenden Nullen.</translation>
        </message>
        <message>
            <source>The code “%1” for %2 looks like %3 with its leading zeros lost by a spreadsheet: row skipped. Check the list, or import it again with leading zeros restored.</source>
            <translation>Der Code „%1“ für %2 sieht aus wie %3, dessen führende Nullen eine Tabellenkalkulation entfernt hat: Zeile übersprungen. Prüfen Sie die Liste oder importieren Sie sie erneut mit wiederhergestellten führenden Nullen.</translation>
        </message>
        <message>
            <source>Reading the file failed: %1.</source>
            <translation>Das Lesen der Datei ist fehlgeschlagen: %1.</translation>
        </message>
        <message>
            <source>The radio accepted %1 from the radio card, but the code database holds %2 for %3 (%4): the stored code was kept. Check which is right and correct it with “radiocode db add … --replace”.</source>
            <translation>Das Radio hat %1 vom Radio-Pass angenommen, aber die Code-Datenbank enthält %2 für %3 (%4): Der gespeicherte Code wurde beibehalten. Prüfen Sie, welcher richtig ist, und korrigieren Sie ihn mit „radiocode db add … --replace“.</translation>
        </message>
        <message>
            <source>Job %1 is not for a Blaupunkt or Becker radio: its code comes from the public algorithm.</source>
            <translation>Auftrag %1 betrifft kein Blaupunkt- oder Becker-Radio: Sein Code stammt aus dem öffentlichen Algorithmus.</translation>
        </message>
        <message>
            <source>The label photo could not be read or saved: %1</source>
            <translation>Das Foto des Typenschilds konnte nicht gelesen oder gespeichert werden: %1</translation>
        </message>
        <message>
            <source>The label photo is empty or larger than %1 MB: it was not kept with the job.</source>
            <translation>Das Foto des Typenschilds ist leer oder größer als %1 MB: Es wurde nicht zum Auftrag gespeichert.</translation>
        </message>
        <message>
            <source>Lost the connection to the database %1; connecting again. Try again in a moment.</source>
            <translation>Die Verbindung zur Datenbank %1 ist abgebrochen; sie wird neu aufgebaut. Versuchen Sie es gleich noch einmal.</translation>
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
        <message>
            <source>it holds more than one @: an @ in the user name or password must be written as %1.</source>
            <translation>sie enthält mehr als ein @: Ein @ im Benutzernamen oder Passwort muss als %1 geschrieben werden.</translation>
        </message>
        <message>
            <source>the port “%1” is not a number from 1 to 65535.</source>
            <translation>der Port „%1“ ist keine Zahl von 1 bis 65535.</translation>
        </message>
        <message>
            <source>the user name or password holds “%1”, which must be written with %-escapes (for example %2 for /).</source>
            <translation>Benutzername oder Passwort enthält „%1“, was mit %-Escapes geschrieben werden muss (zum Beispiel %2 für /).</translation>
        </message>
        <message>
            <source>it is not written correctly (check the server name and any %-escapes).</source>
            <translation>sie ist nicht korrekt geschrieben (prüfen Sie den Servernamen und etwaige %-Escapes).</translation>
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
            <translation>Kein Code ermittelt: %1 Tragen Sie ihn in die Kästchen ein, sobald er bekannt ist.</translation>
        </message>
        <message>
            <source>Where the serial is on the label</source>
            <translation>Wo die Seriennummer auf dem Typenschild steht</translation>
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
            <translation>Das Anleitungsblatt konnte nicht erstellt werden.</translation>
        </message>
        <message>
            <source>← SERIAL</source>
            <extracomment>Drawing of a Blaupunkt label; the arrow points at the serial. Keep it short.</extracomment>
            <translation>← SERIENNUMMER</translation>
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
        <message>
            <source>Radio code card</source>
            <translation>Radio-Codekarte</translation>
        </message>
        <message>
            <source>Nissan radio code</source>
            <translation>Nissan-Radiocode</translation>
        </message>
        <message>
            <source>Workshop</source>
            <translation>Werkstatt</translation>
        </message>
        <message>
            <source>Part number</source>
            <translation>Teilenummer</translation>
        </message>
        <message>
            <source>%1 (agrees with the serial)</source>
            <translation>%1 (passt zur Seriennummer)</translation>
        </message>
        <message>
            <source>Unchecked serial: no rule knows this label form.</source>
            <translation>Ungeprüfte Seriennummer: Keine Regel kennt diese Typenschild-Form.</translation>
        </message>
        <message>
            <source>Press station button %1 until digit %1 of the code shows on the display.</source>
            <translation>Drücken Sie die Stationstaste %1, bis im Display die %1. Ziffer des Codes erscheint.</translation>
        </message>
        <message>
            <source>PART NO. →</source>
            <extracomment>Drawing of a Blaupunkt label; the arrow points at the part number. Very short.</extracomment>
            <translation>TEILENR. →</translation>
        </message>
        <message>
            <source>%1 · Code %2</source>
            <translation>%1 · Code %2</translation>
        </message>
        <message>
            <source>%1 · no code yet</source>
            <translation>%1 · noch kein Code</translation>
        </message>
        <message>
            <source>The sheet could not be written: %1</source>
            <translation>Das Anleitungsblatt konnte nicht geschrieben werden: %1</translation>
        </message>
        <message>
            <source>BP + 12 characters
7th: digit or letter</source>
            <extracomment>Drawing of a Blaupunkt label, under "← SERIAL", two short lines (split at the line break).</extracomment>
            <translation>BP + 12 Zeichen
7.: Ziffer/Buchstabe</translation>
        </message>
        <message>
            <source>Label photo</source>
            <translation>Foto des Typenschilds</translation>
        </message>
        <message>
            <source>Taken %1</source>
            <translation>Aufgenommen am %1</translation>
        </message>
        <message>
            <source>Serial read off it: %1</source>
            <translation>Daraus gelesene Seriennummer: %1</translation>
        </message>
    </context>
    <context>
        <name>RequestLetter</name>
        <message>
            <source>A Blaupunkt part number has 10 digits starting with 7 6 (“7 645 384 318”); “%1” is not one.</source>
            <translation>Eine Blaupunkt-Teilenummer hat 10 Ziffern und beginnt mit 7 6 („7 645 384 318“); „%1“ ist keine.</translation>
        </message>
        <message>
            <source>The part number %1 does not belong to the serial %2: its 4th to 7th digits (%3) must be the serial's 3rd to 6th characters (%4). One of them was misread: check the label.</source>
            <translation>Die Teilenummer %1 gehört nicht zur Seriennummer %2: Deren 4. bis 7. Ziffer (%3) muss dem 3. bis 6. Zeichen der Seriennummer (%4) entsprechen. Eine der beiden Nummern wurde falsch gelesen: Prüfen Sie das Typenschild.</translation>
        </message>
        <message>
            <source>Request for a radio security code</source>
            <translation>Anfrage nach einem Radio-Sicherheitscode</translation>
        </message>
        <message>
            <source>Cannot write %1: %2</source>
            <translation>%1 kann nicht geschrieben werden: %2</translation>
        </message>
        <message>
            <source>The request could not be drawn.</source>
            <translation>Die Anfrage konnte nicht erstellt werden.</translation>
        </message>
        <message>
            <source>Workshop: %1</source>
            <translation>Werkstatt: %1</translation>
        </message>
        <message>
            <source>Address: %1</source>
            <translation>Adresse: %1</translation>
        </message>
        <message>
            <source>Contact: %1</source>
            <translation>Kontakt: %1</translation>
        </message>
        <message>
            <source>To:</source>
            <translation>An:</translation>
        </message>
        <message>
            <source>Date:</source>
            <translation>Datum:</translation>
        </message>
        <message>
            <source>Our reference:</source>
            <translation>Unser Zeichen:</translation>
        </message>
        <message>
            <source>The radio of the vehicle below asks for its security code and no code is on record for it. Please send us the code for this radio. The owner has signed below, and the proof of ownership ticked below is enclosed.</source>
            <translation>Das Radio des unten genannten Fahrzeugs verlangt seinen Sicherheitscode, und für dieses Radio ist kein Code hinterlegt. Bitte senden Sie uns den Code für dieses Radio. Der Eigentümer hat unten unterschrieben; der unten angekreuzte Eigentumsnachweis liegt bei.</translation>
        </message>
        <message>
            <source>Vehicle</source>
            <translation>Fahrzeug</translation>
        </message>
        <message>
            <source>Make:</source>
            <translation>Marke:</translation>
        </message>
        <message>
            <source>VIN (chassis number):</source>
            <translation>FIN (Fahrgestellnummer):</translation>
        </message>
        <message>
            <source>Registration:</source>
            <translation>Kennzeichen:</translation>
        </message>
        <message>
            <source>Owner:</source>
            <translation>Eigentümer:</translation>
        </message>
        <message>
            <source>Radio</source>
            <translation>Radio</translation>
        </message>
        <message>
            <source>Brand:</source>
            <translation>Hersteller:</translation>
        </message>
        <message>
            <source>Serial number:</source>
            <translation>Seriennummer:</translation>
        </message>
        <message>
            <source>Part number (7 6…):</source>
            <translation>Teilenummer (7 6…):</translation>
        </message>
        <message>
            <source>Part number:</source>
            <translation>Teilenummer:</translation>
        </message>
        <message>
            <source>Photo of the radio's label:</source>
            <translation>Foto des Typenschilds des Radios:</translation>
        </message>
        <message>
            <source>Proof of ownership enclosed</source>
            <translation>Eigentumsnachweis liegt bei</translation>
        </message>
        <message>
            <source>Vehicle registration document (copy)</source>
            <translation>Fahrzeugschein (Kopie)</translation>
        </message>
        <message>
            <source>Owner's identity document (copy)</source>
            <translation>Ausweis des Eigentümers (Kopie)</translation>
        </message>
        <message>
            <source>Purchase invoice for the vehicle or the radio (copy)</source>
            <translation>Kaufrechnung für das Fahrzeug oder das Radio (Kopie)</translation>
        </message>
        <message>
            <source>Owner's declaration</source>
            <translation>Erklärung des Eigentümers</translation>
        </message>
        <message>
            <source>I confirm that I own this vehicle and its radio, and I ask for the radio's security code to be given to the workshop named above.</source>
            <translation>Ich bestätige, dass ich Eigentümer dieses Fahrzeugs und seines Radios bin, und bitte darum, den Sicherheitscode des Radios an die oben genannte Werkstatt herauszugeben.</translation>
        </message>
        <message>
            <source>Owner's name:</source>
            <translation>Name des Eigentümers:</translation>
        </message>
        <message>
            <source>Owner's signature:</source>
            <translation>Unterschrift des Eigentümers:</translation>
        </message>
        <message>
            <source>Place and date:</source>
            <translation>Ort und Datum:</translation>
        </message>
        <message>
            <source>Workshop's stamp and signature:</source>
            <translation>Stempel und Unterschrift der Werkstatt:</translation>
        </message>
    </context>
    <context>
        <name>SheetPrinting</name>
        <message>
            <source>Print the code card</source>
            <translation>Codekarte drucken</translation>
        </message>
        <message>
            <source>Print the instruction sheet</source>
            <translation>Anleitungsblatt drucken</translation>
        </message>
        <message>
            <source>Cannot write %1: %2</source>
            <translation>%1 kann nicht geschrieben werden: %2</translation>
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
                <numerusform>Für diese Seriennummer wurde %n-mal ein Code abgelehnt: Das Radio ist wahrscheinlich gesperrt. Lassen Sie das Radio eingeschaltet und warten Sie etwa eine Stunde (%1 Minuten), bis es wieder einen Code annimmt; prüfen Sie dann vor dem nächsten Versuch die Seriennummer auf dem Typenschild.</numerusform>
                <numerusform>Für diese Seriennummer wurde %n-mal ein Code abgelehnt: Das Radio ist wahrscheinlich gesperrt. Lassen Sie das Radio eingeschaltet und warten Sie etwa eine Stunde (%1 Minuten), bis es wieder einen Code annimmt; prüfen Sie dann vor dem nächsten Versuch die Seriennummer auf dem Typenschild.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>A code was refused %n time(s) for this serial before. Check the serial on the label again before trying: after %1 wrong codes the radio locks for about an hour.</source>
            <translation>
                <numerusform>Für diese Seriennummer wurde bereits %n-mal ein Code abgelehnt. Prüfen Sie die Seriennummer auf dem Typenschild noch einmal, bevor Sie es versuchen: Nach %1 falschen Codes sperrt das Radio für etwa eine Stunde.</numerusform>
                <numerusform>Für diese Seriennummer wurde bereits %n-mal ein Code abgelehnt. Prüfen Sie die Seriennummer auf dem Typenschild noch einmal, bevor Sie es versuchen: Nach %1 falschen Codes sperrt das Radio für etwa eine Stunde.</numerusform>
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
        <message numerus="yes">
            <source>Reminder: %n code request(s) waiting longer than %1 days for an answer: ask again.</source>
            <translation>
                <numerusform>Erinnerung: %n Code-Anfrage wartet seit mehr als %1 Tagen auf eine Antwort: Fragen Sie erneut nach.</numerusform>
                <numerusform>Erinnerung: %n Code-Anfragen warten seit mehr als %1 Tagen auf eine Antwort: Fragen Sie erneut nach.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Waiting %n day(s), asked on %1</source>
            <translation>
                <numerusform>Wartet seit %n Tag, angefragt am %1</numerusform>
                <numerusform>Wartet seit %n Tagen, angefragt am %1</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Waiting %n day(s), asked of %1 on %2</source>
            <translation>
                <numerusform>Wartet seit %n Tag, angefragt bei %1 am %2</numerusform>
                <numerusform>Wartet seit %n Tagen, angefragt bei %1 am %2</numerusform>
            </translation>
        </message>
        <message>
            <source>Line %1 must name the columns: a code list needs a serial column (“serial”, “Serial No”, “Seriennummer”, “Seri No”, “Numéro de série”) and a code column (“code”, “Radio Code”, “Kod”, “Code radio”); found: %2.</source>
            <translation>Zeile %1 muss die Spalten benennen: Eine Codeliste braucht eine Seriennummern-Spalte („serial“, „Serial No“, „Seriennummer“, „Seri No“, „Numéro de série“) und eine Code-Spalte („code“, „Radio Code“, „Kod“, „Code radio“); gefunden: %2.</translation>
        </message>
        <message>
            <source>Line %1 has no column “%2” (found: %3). Give a column's name or its number, counting from 1.</source>
            <translation>Zeile %1 hat keine Spalte „%2“ (gefunden: %3). Geben Sie den Namen einer Spalte oder ihre Nummer an, gezählt ab 1.</translation>
        </message>
        <message>
            <source>Line %1 names the column “%2” twice: which one is meant cannot be told. Rename one of them, or choose the columns by number.</source>
            <translation>Zeile %1 nennt die Spalte „%2“ zweimal: Welche gemeint ist, lässt sich nicht sagen. Benennen Sie eine davon um oder wählen Sie die Spalten über ihre Nummer.</translation>
        </message>
        <message>
            <source>Line %1 has several columns that could be meant (%2): which one holds the serial or the code cannot be told.</source>
            <translation>Zeile %1 hat mehrere Spalten, die gemeint sein könnten (%2): Welche die Seriennummer oder den Code enthält, lässt sich nicht sagen.</translation>
        </message>
        <message>
            <source>The serial and the code cannot both be the column “%1”.</source>
            <translation>Seriennummer und Code können nicht beide die Spalte „%1“ sein.</translation>
        </message>
        <message>
            <source>Waiting for code since %1</source>
            <translation>Wartet seit %1 auf den Code</translation>
        </message>
        <message>
            <source>Waiting for code since %1 (asked %2)</source>
            <translation>Wartet seit %1 auf den Code (angefragt bei %2)</translation>
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
            <source>Type, paste or scan the serial from the radio's label.</source>
            <translation>Geben Sie die Seriennummer vom Typenschild des Radios ein, fügen Sie sie ein oder scannen Sie sie.</translation>
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
            <translation>Ein Buchstabe wird %1 benötigt, nicht %2.</translation>
        </message>
        <message>
            <source>Only digits belong here: %1 %2.</source>
            <translation>Hier gehören nur Ziffern hin: %1 %2.</translation>
        </message>
        <message>
            <source>The letter %1 %2 stands where a digit belongs: labels are easily misread (O and 0, I and 1, S and 5, B and 8).</source>
            <translation>Der Buchstabe %1 %2 steht dort, wo eine Ziffer hingehört: Typenschilder werden leicht falsch gelesen (O und 0, I und 1, S und 5, B und 8).</translation>
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
            <translation>Zu lang: Diese Seriennummer hat %1 Zeichen, eingegeben wurden %2. Achten Sie auf ein überzähliges Zeichen %3.</translation>
        </message>
        <message>
            <source>The input is far too long (%1 bytes) to be a radio serial: at most %2.</source>
            <translation>Die Eingabe ist viel zu lang (%1 Bytes) für eine Radio-Seriennummer: höchstens %2.</translation>
        </message>
        <message>
            <source>A000 to A099 are not precodes: check the label again (the precode is the last four characters of the barcode text).</source>
            <translation>A000 bis A099 sind keine Precodes: Prüfen Sie das Typenschild erneut (der Precode sind die letzten vier Zeichen des Barcode-Texts).</translation>
        </message>
        <message>
            <source>Becker model %1 was not fitted to Nissan vehicles: only BE4739 and BE4757 are covered.</source>
            <translation>Das Becker-Modell %1 wurde nicht in Nissan-Fahrzeuge eingebaut: Nur BE4739 und BE4757 werden unterstützt.</translation>
        </message>
        <message>
            <source>Did you mean %1?</source>
            <translation>Meinten Sie %1?</translation>
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
            <translation>Zuerst nach dem Radio-Pass suchen</translation>
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
            <translation>Der Radio-Pass des Eigentümers („Radio Pass“, „Safety-Nr“ oder PIN) enthält möglicherweise bereits den Code für diese Seriennummer.</translation>
        </message>
        <message>
            <source>The usual cause: O and 0, I and 1 mixed up, or a missing character. Read the label again.</source>
            <translation>Die häufigste Ursache: O und 0, I und 1 verwechselt oder ein fehlendes Zeichen. Lesen Sie das Typenschild noch einmal ab.</translation>
        </message>
        <message>
            <source>A previous owner may have swapped the radio: a code card or dealer record for the car then belongs to another unit.</source>
            <translation>Ein Vorbesitzer hat das Radio möglicherweise getauscht: Ein Radio-Pass oder ein Händlereintrag zum Fahrzeug gehört dann zu einem anderen Gerät.</translation>
        </message>
        <message>
            <source>Rarely, the unit's memory was reprogrammed in a repair: no code or button sequence helps then, the unit needs bench work.</source>
            <translation>Selten wurde der Speicher des Geräts bei einer Reparatur umprogrammiert: Dann hilft weder ein Code noch eine Tastenfolge, das Gerät muss ausgebaut und in einer Fachwerkstatt instand gesetzt werden.</translation>
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
            <translation>Aus der Code-Datenbank, von %1 an einem Radio bestätigt.</translation>
        </message>
        <message>
            <source>No public algorithm exists for %1 radios, and the code database holds no code for this serial.</source>
            <translation>Für %1-Radios gibt es keinen öffentlichen Algorithmus, und in der Code-Datenbank ist für diese Seriennummer kein Code hinterlegt.</translation>
        </message>
        <message>
            <source>Read the serial on the label again, character by character.</source>
            <translation>Lesen Sie die Seriennummer auf dem Typenschild noch einmal Zeichen für Zeichen ab.</translation>
        </message>
        <message>
            <source>Ask the radio maker's service or a dealer for this unit's code.</source>
            <translation>Fragen Sie den Service des Radioherstellers oder einen Händler nach dem Code dieses Geräts.</translation>
        </message>
        <message>
            <source>Look for the owner's radio card.</source>
            <translation>Suchen Sie nach dem Radio-Pass des Eigentümers.</translation>
        </message>
        <message>
            <source>Look for the owner's radio card ("Radio Pass", "Safety-Nr" or PIN).</source>
            <translation>Suchen Sie nach dem Radio-Pass des Eigentümers („Radio Pass“, „Safety-Nr“ oder PIN).</translation>
        </message>
        <message>
            <source>Ask a Nissan dealer for the code: they need the serial and the vehicle's VIN.</source>
            <translation>Fragen Sie einen Nissan-Händler nach dem Code: Er braucht die Seriennummer und die FIN des Fahrzeugs.</translation>
        </message>
        <message>
            <source>Once the code is known and has worked, record it in the code database.</source>
            <translation>Sobald der Code bekannt ist und das Radio ihn angenommen hat, tragen Sie ihn in die Code-Datenbank ein.</translation>
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
            <source>No public algorithm exists for %1 radios, and no code database could be consulted (none is set up, or it cannot be reached).</source>
            <translation>Für %1-Radios gibt es keinen öffentlichen Algorithmus, und es konnte keine Code-Datenbank abgefragt werden (keine eingerichtet oder nicht erreichbar).</translation>
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
            <translation>Er steht in kleiner Schrift neben oder unter einem langen Barcode: Die letzten vier Zeichen des Barcode-Texts sind der Precode. Sie können den ganzen Barcode-Text eintippen oder scannen.</translation>
        </message>
        <message>
            <source>Many units show the precode on the display while buttons 1 and 6 are held together for a few seconds.</source>
            <translation>Viele Geräte zeigen den Precode im Display, wenn die Stationstasten 1 und 6 einige Sekunden lang gleichzeitig gedrückt werden.</translation>
        </message>
        <message>
            <source>A000 to A099 are not precodes.</source>
            <translation>A000 bis A099 sind keine Precodes.</translation>
        </message>
        <message>
            <source>The label has two fields: Model No (for example BE 4757) and Serial No (8 digits). Type each in its own field.</source>
            <translation>Das Typenschild hat zwei Felder: Model No (zum Beispiel BE 4757) und Serial No (8 Ziffern). Geben Sie jedes in sein eigenes Feld ein.</translation>
        </message>
        <message>
            <source>Only models BE4739 and BE4757 were fitted to Nissan vehicles; other models are not covered.</source>
            <translation>Nur die Modelle BE4739 und BE4757 wurden in Nissan-Fahrzeuge eingebaut; andere Modelle werden nicht unterstützt.</translation>
        </message>
        <message>
            <source>The serial is the letter M and six digits (for example M123456).</source>
            <translation>Die Seriennummer besteht aus dem Buchstaben M und sechs Ziffern (zum Beispiel M123456).</translation>
        </message>
        <message>
            <source>Some units show the serial on the display while buttons 1 and 6 are held.</source>
            <translation>Manche Geräte zeigen die Seriennummer im Display, solange die Stationstasten 1 und 6 gedrückt werden.</translation>
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
            <translation>Für %1-Radios gibt es keinen öffentlichen Algorithmus, und die Code-Datenbank war nicht erreichbar (%2): Der Code ist vielleicht hinterlegt; versuchen Sie es erneut, sobald sie wieder verfügbar ist.</translation>
        </message>
        <message>
            <source>Try again once the code database is back: check that the database server is running and reachable, or that the database file can be read.</source>
            <translation>Versuchen Sie es erneut, sobald die Code-Datenbank wieder verfügbar ist: Prüfen Sie, ob der Datenbankserver läuft und erreichbar ist oder ob die Datenbankdatei gelesen werden kann.</translation>
        </message>
        <message>
            <source>the part number</source>
            <translation>die Teilenummer</translation>
        </message>
        <message>
            <source>Unchecked</source>
            <translation>Ungeprüft</translation>
        </message>
        <message>
            <source>Part number and serial disagree</source>
            <translation>Teilenummer und Seriennummer passen nicht zusammen</translation>
        </message>
        <message>
            <source>Two readings, two codes on record</source>
            <translation>Zwei Lesarten, zwei Codes hinterlegt</translation>
        </message>
        <message>
            <source>Invalid part number</source>
            <translation>Ungültige Teilenummer</translation>
        </message>
        <message>
            <source>Part number: %1</source>
            <translation>Teilenummer: %1</translation>
        </message>
        <message>
            <source>%1 serial: precode %2 taken from the end of the barcode text.</source>
            <translation>%1-Seriennummer: Precode %2 vom Ende des Barcode-Texts übernommen.</translation>
        </message>
        <message>
            <source>%1 serial: the 17-character label form was shortened to %2.</source>
            <translation>%1-Seriennummer: Die 17-stellige Typenschild-Form wurde auf %2 gekürzt.</translation>
        </message>
        <message>
            <source>%1 serial: the CM printed on the label reads as BP, %2.</source>
            <translation>%1-Seriennummer: Das auf dem Typenschild gedruckte CM wird als BP gelesen, %2.</translation>
        </message>
        <message>
            <source>%1 serial, well formed.</source>
            <translation>%1-Seriennummer, korrekt aufgebaut.</translation>
        </message>
        <message>
            <source>The part number %1 and the serial %2 cannot be on one label: the part number's digits 4–7 (%3) must be the serial's characters 3–6 (%4), and they differ at %5. One of them was misread: read both on the label again.</source>
            <translation>Die Teilenummer %1 und die Seriennummer %2 können nicht auf einem Typenschild stehen: Die Ziffern 4–7 der Teilenummer (%3) müssen die Zeichen 3–6 der Seriennummer (%4) sein, und sie unterscheiden sich bei %5. Eine davon wurde falsch gelesen: Lesen Sie beide erneut auf dem Typenschild ab.</translation>
        </message>
        <message>
            <source>serial character %1</source>
            <translation>Seriennummer-Zeichen %1</translation>
        </message>
        <message>
            <source>serial characters %1</source>
            <translation>Seriennummer-Zeichen %1</translation>
        </message>
        <message>
            <source>A part number only cross-checks Blaupunkt serials: leave it out for a %1 radio.</source>
            <translation>Mit einer Teilenummer lassen sich nur Blaupunkt-Seriennummern gegenprüfen: Lassen Sie sie bei einem %1-Radio weg.</translation>
        </message>
        <message>
            <source>%1 fits no known label form: it can only be looked up in the code database as printed, unchecked. Compare it with the label character by character.</source>
            <translation>%1 passt zu keiner bekannten Typenschild-Form: Es kann nur wie gedruckt und ungeprüft in der Code-Datenbank nachgeschlagen werden. Vergleichen Sie es Zeichen für Zeichen mit dem Typenschild.</translation>
        </message>
        <message>
            <source>A Blaupunkt part number starts with 76: %1 %2 does not fit.</source>
            <translation>Eine Blaupunkt-Teilenummer beginnt mit 76: %1 %2 passt nicht.</translation>
        </message>
        <message>
            <source>Unchecked serial: no rule knows this label form. The code is the one on record for the serial as printed; compare the serial with the label before entering it.</source>
            <translation>Ungeprüfte Seriennummer: Keine Regel kennt diese Typenschild-Form. Angezeigt wird der Code, der für die Seriennummer in gedruckter Form hinterlegt ist; vergleichen Sie die Seriennummer mit dem Typenschild, bevor Sie den Code eingeben.</translation>
        </message>
        <message>
            <source>Its 7th character may be the letter %1 or the digit %2: both are real serials (%3, %4).</source>
            <translation>Das 7. Zeichen kann der Buchstabe %1 oder die Ziffer %2 sein: Beides ergibt eine echte Seriennummer (%3, %4).</translation>
        </message>
        <message>
            <source>The code database holds the code for the reading %1.</source>
            <translation>Die Code-Datenbank enthält den Code für die Lesart %1.</translation>
        </message>
        <message>
            <source>The part number %1 agrees with it (digits 4–7 are %2, as the serial's characters 3–6): a second confirmation.</source>
            <translation>Die Teilenummer %1 passt dazu (die Ziffern 4–7 sind %2, wie die Zeichen 3–6 der Seriennummer): eine zweite Bestätigung.</translation>
        </message>
        <message>
            <source>well formed.</source>
            <translation>korrekt aufgebaut.</translation>
        </message>
        <message>
            <source>optional: the 10 digits starting 76 beside the serial (7 645 384 318).</source>
            <translation>optional: die 10 Ziffern, beginnend mit 76, neben der Seriennummer (7 645 384 318).</translation>
        </message>
        <message numerus="yes">
            <source>too short: %n more digit(s) needed.</source>
            <translation>
                <numerusform>zu kurz: %n Ziffer fehlt noch.</numerusform>
                <numerusform>zu kurz: %n Ziffern fehlen noch.</numerusform>
            </translation>
        </message>
        <message>
            <source>too long: a part number has %1 digits, %2 were given.</source>
            <translation>zu lang: Eine Teilenummer hat %1 Ziffern, angegeben wurden %2.</translation>
        </message>
        <message>
            <source>Press station button %1 until %2 shows on the display.</source>
            <translation>Drücken Sie die Stationstaste %1, bis im Display %2 erscheint.</translation>
        </message>
        <message>
            <source>Press and hold station button 6, TA or SEEK ▲ for %1–%2 seconds to confirm (some units: see the handbook).</source>
            <translation>Halten Sie zum Bestätigen die Stationstaste 6, TA oder SEEK ▲ %1–%2 Sekunden gedrückt (manche Geräte: siehe Bedienungsanleitung).</translation>
        </message>
        <message>
            <source>Press OK or ENTER (some units: see the handbook).</source>
            <translation>Drücken Sie OK oder ENTER (manche Geräte: siehe Bedienungsanleitung).</translation>
        </message>
        <message>
            <source>From the code database: the owner's radio card, entered by %1.</source>
            <translation>Aus der Code-Datenbank: der Radio-Pass des Eigentümers, eingegeben von %1.</translation>
        </message>
        <message>
            <source>From the code database: the owner's radio card.</source>
            <translation>Aus der Code-Datenbank: der Radio-Pass des Eigentümers.</translation>
        </message>
        <message>
            <source>From the owner's radio card, entered by %1; it goes into the code database once it has worked on the radio.</source>
            <translation>Vom Radio-Pass des Eigentümers, eingegeben von %1; der Code kommt in die Code-Datenbank, sobald das Radio ihn angenommen hat.</translation>
        </message>
        <message>
            <source>From the owner's radio card; it goes into the code database once it has worked on the radio.</source>
            <translation>Vom Radio-Pass des Eigentümers; der Code kommt in die Code-Datenbank, sobald das Radio ihn angenommen hat.</translation>
        </message>
        <message>
            <source>From the dealer %1, who was asked for it.</source>
            <translation>Auf Anfrage vom Händler %1.</translation>
        </message>
        <message>
            <source>From a dealer who was asked for it.</source>
            <translation>Auf Anfrage von einem Händler.</translation>
        </message>
        <message>
            <source>From the manufacturer's service (%1), who was asked for it.</source>
            <translation>Auf Anfrage vom Herstellerservice (%1).</translation>
        </message>
        <message>
            <source>From the manufacturer's service, who was asked for it.</source>
            <translation>Auf Anfrage vom Herstellerservice.</translation>
        </message>
        <message>
            <source>From the code database.</source>
            <translation>Aus der Code-Datenbank.</translation>
        </message>
        <message>
            <source>From a recorded source.</source>
            <translation>Aus einer hinterlegten Quelle.</translation>
        </message>
        <message>
            <source>imported from %1</source>
            <translation>importiert aus %1</translation>
        </message>
        <message>
            <source>confirmed on a radio by %1</source>
            <translation>von %1 an einem Radio bestätigt</translation>
        </message>
        <message>
            <source>from the owner's radio card</source>
            <translation>vom Radio-Pass des Eigentümers</translation>
        </message>
        <message>
            <source>from the dealer %1</source>
            <translation>vom Händler %1</translation>
        </message>
        <message>
            <source>from the manufacturer's service</source>
            <translation>vom Herstellerservice</translation>
        </message>
        <message>
            <source>in the code database</source>
            <translation>in der Code-Datenbank</translation>
        </message>
        <message>
            <source>This code was refused on a radio on %1. Check the serial on the label and whether the radio was swapped before you try it.</source>
            <translation>Dieser Code wurde am %1 an einem Radio abgelehnt. Prüfen Sie die Seriennummer auf dem Typenschild und ob das Radio getauscht wurde, bevor Sie ihn versuchen.</translation>
        </message>
        <message>
            <source>This code was refused on a radio by %1 on %2. Check the serial on the label and whether the radio was swapped before you try it.</source>
            <translation>Dieser Code wurde von %1 am %2 an einem Radio abgelehnt. Prüfen Sie die Seriennummer auf dem Typenschild und ob das Radio getauscht wurde, bevor Sie ihn versuchen.</translation>
        </message>
        <message>
            <source>The radio card is for serial %1, but this radio's serial is %2: the radio was probably swapped, so the card's code belongs to another radio. No code is shown. Check the label once more; if it is right, ask the dealer for this radio's code.</source>
            <translation>Der Radio-Pass gilt für die Seriennummer %1, aber die Seriennummer dieses Radios ist %2: Das Radio wurde wahrscheinlich getauscht, daher gehört der Code des Passes zu einem anderen Radio. Es wird kein Code angezeigt. Prüfen Sie das Typenschild noch einmal; stimmt es, fragen Sie den Händler nach dem Code dieses Radios.</translation>
        </message>
        <message>
            <source>This serial fits no known label form, and the code database could not be reached (%1) to look it up as printed.</source>
            <translation>Diese Seriennummer passt zu keiner bekannten Typenschild-Form, und die Code-Datenbank war nicht erreichbar (%1), um sie wie gedruckt nachzuschlagen.</translation>
        </message>
        <message>
            <source>This serial fits no known label form and no code database could be consulted: no algorithm answers an unchecked serial.</source>
            <translation>Diese Seriennummer passt zu keiner bekannten Typenschild-Form, und keine Code-Datenbank konnte abgefragt werden: Kein Algorithmus beantwortet eine ungeprüfte Seriennummer.</translation>
        </message>
        <message>
            <source>This serial fits no known label form, and the code database holds no code for it as printed.</source>
            <translation>Diese Seriennummer passt zu keiner bekannten Typenschild-Form, und in der Code-Datenbank ist für sie in gedruckter Form kein Code hinterlegt.</translation>
        </message>
        <message>
            <source>Read the serial and the part number on the label again, character by character.</source>
            <translation>Lesen Sie Seriennummer und Teilenummer auf dem Typenschild erneut ab, Zeichen für Zeichen.</translation>
        </message>
        <message>
            <source>Some labels print 17 characters starting with 815BP or 815CM, or CM without the 815: type them as printed, the leading 815 is dropped and CM becomes BP.</source>
            <translation>Manche Typenschilder zeigen 17 Zeichen, beginnend mit 815BP oder 815CM, oder CM ohne 815: Geben Sie sie wie gedruckt ein; die führende 815 entfällt und CM wird zu BP.</translation>
        </message>
        <message>
            <source>The 7th character (the 5th after BP) is a letter on some labels (BP5511V2151786): type it as printed.</source>
            <translation>Das 7. Zeichen (das 5. nach BP) ist auf manchen Typenschildern ein Buchstabe (BP5511V2151786): Geben Sie es wie gedruckt ein.</translation>
        </message>
        <message>
            <source>The part number beside it (10 digits starting 76, such as 7 645 387 041) checks the serial: its digits 4–7 are the serial's characters 3–6.</source>
            <translation>Die Teilenummer daneben (10 Ziffern, beginnend mit 76, etwa 7 645 387 041) prüft die Seriennummer: Deren Ziffern 4–7 sind die Zeichen 3–6 der Seriennummer.</translation>
        </message>
        <message>
            <source>BP + 12 characters, 7th may be a letter</source>
            <extracomment>The 7th character is a digit on most labels, a capital letter on some.</extracomment>
            <translation>BP + 12 Zeichen, das 7. kann ein Buchstabe sein</translation>
        </message>
        <message>
            <source>The code database holds different codes for %1 and %2, two readings of the 7th character: look at the label and say whether it shows the digit %3 or the letter %4. Only that reading is then looked up.</source>
            <translation>Die Code-Datenbank enthält unterschiedliche Codes für %1 und %2, zwei Lesarten des 7. Zeichens: Sehen Sie auf das Typenschild und geben Sie an, ob es die Ziffer %3 oder den Buchstaben %4 zeigt. Dann wird nur diese Lesart abgefragt.</translation>
        </message>
        <message>
            <source>Too short: %1 is only the start of a serial (a Renault precode is a letter and 3 digits, a Visteon serial M and 6 digits, Blaupunkt BP and 12 characters, Becker BE and 12 digits).</source>
            <translation>Zu kurz: %1 ist nur der Anfang einer Seriennummer (ein Renault-Precode ist ein Buchstabe und 3 Ziffern, eine Visteon-Seriennummer M und 6 Ziffern, Blaupunkt BP und 12 Zeichen, Becker BE und 12 Ziffern).</translation>
        </message>
        <message>
            <source>The technician read the letter %1 as the 7th character on the label: %2 (not %3).</source>
            <translation>Der Techniker hat das 7. Zeichen auf dem Typenschild als Buchstaben %1 gelesen: %2 (nicht %3).</translation>
        </message>
        <message>
            <source>The technician read the digit %1 as the 7th character on the label: %2 (not %3).</source>
            <translation>Der Techniker hat das 7. Zeichen auf dem Typenschild als Ziffer %1 gelesen: %2 (nicht %3).</translation>
        </message>
        <message>
            <source>The label shows the letter %1</source>
            <translation>Typenschild: Buchstabe %1</translation>
        </message>
        <message>
            <source>The label shows the digit %1</source>
            <translation>Typenschild: Ziffer %1</translation>
        </message>
        <message>
            <source>The serial starts with BP and has 12 more characters, all digits but the 7th, which may be a letter; labels often print a space between the groups (BP53876 9672026): type it with or without the space.</source>
            <translation>Die Seriennummer beginnt mit BP und hat 12 weitere Zeichen, alles Ziffern außer dem 7. Zeichen, das ein Buchstabe sein kann; auf Typenschildern steht oft ein Leerzeichen zwischen den Gruppen (BP53876 9672026): Geben Sie sie mit oder ohne Leerzeichen ein.</translation>
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
            <translation>es kann nur eine Eingabedatei angegeben werden („%1“).</translation>
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
            <source>The workshop's code database holds the Blaupunkt and Becker codes: imported dealer lists and codes technicians confirmed on a radio.</source>
            <translation>Die Code-Datenbank der Werkstatt enthält die Blaupunkt- und Becker-Codes: importierte Händlerlisten und Codes, die Techniker an einem Radio bestätigt haben.</translation>
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
            <source>replace another code stored for the serial</source>
            <translation>einen anderen für die Seriennummer gespeicherten Code ersetzen</translation>
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
            <source>give the serial and the code</source>
            <translation>Seriennummer und Code angeben</translation>
        </message>
        <message>
            <source>--technician NAME is needed: a confirmed code records who confirmed it</source>
            <translation>--technician NAME ist erforderlich: Bei einem bestätigten Code wird festgehalten, wer ihn bestätigt hat</translation>
        </message>
        <message>
            <source>%1 is a %2 serial: its code is computed with the public algorithm, not stored.</source>
            <translation>%1 ist eine %2-Seriennummer: Der Code dazu wird mit dem öffentlichen Algorithmus berechnet, nicht gespeichert.</translation>
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
            <source>Lists the radio families: id (for --family), name, serial format, where the code comes from, an example serial.</source>
            <translation>Listet die Radiofamilien auf: ID (für --family), Name, Seriennummernformat, Herkunft des Codes, eine Beispiel-Seriennummer.</translation>
        </message>
        <message>
            <source>unexpected argument "%1".</source>
            <translation>unerwartetes Argument „%1“.</translation>
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
            <source>the newest N jobs only</source>
            <translation>nur die neuesten N Aufträge</translation>
        </message>
        <message>
            <source>attempts tells how often a code was refused for SERIAL since it last worked, and what to do before the next try.</source>
            <translation>attempts gibt an, wie oft für SERIAL ein Code abgelehnt wurde, seit zuletzt ein Code angenommen wurde, und was vor dem nächsten Versuch zu tun ist.</translation>
        </message>
        <message>
            <source>Exit status: 0 done, 2 invalid arguments, 3 the database could not be used.</source>
            <translation>Exit-Status: 0 erledigt, 2 ungültige Argumente, 3 die Datenbank konnte nicht verwendet werden.</translation>
        </message>
        <message>
            <source>unknown outcome “%1”: use worked, refused or not-tried</source>
            <translation>unbekanntes Ergebnis „%1“: Verwenden Sie worked, refused oder not-tried</translation>
        </message>
        <message>
            <source>“%1” is not a date: write it as YYYY-MM-DD, e.g. %2</source>
            <translation>„%1“ ist kein Datum: Schreiben Sie es als YYYY-MM-DD, z. B. %2</translation>
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
            <translation>Für %1 ist seit dem letzten angenommenen Code kein abgelehnter Code erfasst.</translation>
        </message>
        <message>
            <source>Finds the code for one radio serial and says how to enter it, or what is wrong with the serial. SERIAL may be given in parts as the label prints them (BP53876 9672026); put "--" before a serial that starts with a dash.</source>
            <translation>Findet den Code für eine Radio-Seriennummer und sagt, wie er eingegeben wird, oder was mit der Seriennummer nicht stimmt. SERIAL darf in Teilen angegeben werden, so wie das Typenschild sie zeigt (BP53876 9672026); setzen Sie „--“ vor eine Seriennummer, die mit einem Bindestrich beginnt.</translation>
        </message>
        <message>
            <source>Options:</source>
            <translation>Optionen:</translation>
        </message>
        <message>
            <source>read the serial as this family's (blaupunkt, renault, becker, visteon)</source>
            <translation>die Seriennummer als Seriennummer dieser Familie lesen (blaupunkt, renault, becker, visteon)</translation>
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
            <translation>Exit-Status: 0 ein Code wurde angezeigt (oder die Arbeit wurde erledigt), 1 die Seriennummer ist in Ordnung, aber es kann kein Code ermittelt werden, 2 ungültige Eingabe oder Argumente, 3 die Arbeit konnte nicht erledigt werden.</translation>
        </message>
        <message>
            <source>radiocode: %1 needs a value.</source>
            <translation>radiocode: %1 braucht einen Wert.</translation>
        </message>
        <message>
            <source>radiocode: unknown language "%1": use one of %2.</source>
            <translation>radiocode: unbekannte Sprache „%1“: Verwenden Sie eine von %2.</translation>
        </message>
        <message>
            <source>Try "radiocode %1 --help".</source>
            <translation>Versuchen Sie „radiocode %1 --help“.</translation>
        </message>
        <message>
            <source>radiocode: unknown command "%1".</source>
            <translation>radiocode: unbekannter Befehl „%1“.</translation>
        </message>
        <message>
            <source>Try "radiocode --help".</source>
            <translation>Versuchen Sie „radiocode --help“.</translation>
        </message>
        <message>
            <source>Writes the printable instruction sheet for one radio: the code in four boxes, how to key it in, the cautions and what to do when the radio refuses it. Without a code the boxes are left empty to fill in by hand. Needs no display.</source>
            <translation>Schreibt das druckbare Anleitungsblatt für ein Radio: den Code in vier Kästchen, wie er eingetippt wird, die Vorsichtshinweise und was zu tun ist, wenn das Radio ihn ablehnt. Ohne Code bleiben die Kästchen leer, zum Ausfüllen von Hand. Benötigt keine grafische Oberfläche.</translation>
        </message>
        <message>
            <source>read the serial as this family's</source>
            <translation>die Seriennummer als Seriennummer dieser Familie lesen</translation>
        </message>
        <message>
            <source>the customer, printed on the sheet</source>
            <translation>der Kunde, auf das Anleitungsblatt gedruckt</translation>
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
            <source>radiocode sheet: the sheet cannot be drawn without fonts.</source>
            <translation>radiocode sheet: Das Anleitungsblatt kann ohne Schriftarten nicht erstellt werden.</translation>
        </message>
        <message>
            <source>unknown paper size "%1": use a4 or letter.</source>
            <translation>unbekanntes Papierformat „%1“: Verwenden Sie a4 oder letter.</translation>
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
            <translation>Anleitungsblatt für %1 in %2 gespeichert.</translation>
        </message>
        <message>
            <source>Sheet for %1 written to %2 with empty code boxes: %3</source>
            <translation>Anleitungsblatt für %1 mit leeren Code-Kästchen in %2 gespeichert: %3</translation>
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
            <translation>  message  warum es keinen Code gibt, was falsch ist und der Vorschlag, oder wie die Zeile gelesen wurde (Precode aus einem Barcode-Text, 17-stellige Typenschild-Form); leer bei einem einfachen ok. Englisch, außer mit --lang.</translation>
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
            <translation>Exit-Status: 0 ein Code wurde gefunden, 1 die Seriennummer ist in Ordnung, aber es kann kein Code ermittelt werden (not-found, unsupported), 2 die Seriennummer ist ungültig, 3 die Code-Datenbank war nicht erreichbar.</translation>
        </message>
        <message>
            <source>  status   ok, invalid, unsupported, not-found, or unreachable (the code database could not be asked: the code may be on record)</source>
            <translation>  status   ok, invalid, unsupported, not-found oder unreachable (die Code-Datenbank konnte nicht abgefragt werden: Der Code ist vielleicht hinterlegt)</translation>
        </message>
        <message>
            <source>radiocode: the output could not be written (is the disk full?).</source>
            <translation>radiocode: Die Ausgabe konnte nicht geschrieben werden (ist der Datenträger voll?).</translation>
        </message>
        <message>
            <source>the column by its header name or its number (from 1)</source>
            <translation>die Spalte über ihren Namen in der Kopfzeile oder ihre Nummer (ab 1)</translation>
        </message>
        <message>
            <source>import 420 as 0420 (a spreadsheet dropped the zero), marked in the source; without it such rows are skipped</source>
            <translation>420 als 0420 importieren (eine Tabellenkalkulation hat die Null entfernt), in der Quelle vermerkt; ohne dies werden solche Zeilen übersprungen</translation>
        </message>
        <message>
            <source>%1 needs a column name or number</source>
            <translation>%1 braucht einen Spaltennamen oder eine Spaltennummer</translation>
        </message>
        <message>
            <source>the CSV file to import is missing (- reads the standard input)</source>
            <translation>die zu importierende CSV-Datei fehlt (- liest die Standardeingabe)</translation>
        </message>
        <message>
            <source>the standard input</source>
            <translation>die Standardeingabe</translation>
        </message>
        <message>
            <source>Choose them with --serial-column and --code-column (a name or a number, counting from 1).</source>
            <translation>Wählen Sie sie mit --serial-column und --code-column (ein Name oder eine Nummer, gezählt ab 1).</translation>
        </message>
        <message>
            <source>… and %1 more rows with a problem, not listed.</source>
            <translation>… und %1 weitere Zeilen mit einem Problem, nicht aufgeführt.</translation>
        </message>
        <message>
            <source>technician, customer, registration, VIN, serial, code or notes contain TEXT</source>
            <translation>Techniker, Kunde, Kennzeichen, FIN, Seriennummer, Code oder Notizen enthalten TEXT</translation>
        </message>
        <message>
            <source>Notes: %1</source>
            <translation>Notizen: %1</translation>
        </message>
        <message>
            <source>a Blaupunkt label's part number (7 645 384 318): its digits 4-7 must be the serial's characters 3-6, or no code is given</source>
            <translation>die Teilenummer vom Typenschild eines Blaupunkt-Radios (7 645 384 318): Deren Ziffern 4-7 müssen die Zeichen 3-6 der Seriennummer sein, sonst wird kein Code ermittelt</translation>
        </message>
        <message>
            <source>With this program:</source>
            <translation>Mit diesem Programm:</translation>
        </message>
        <message>
            <source>the radio card: radiocode card %1 --card-serial S --code C</source>
            <translation>der Radio-Pass: radiocode card %1 --card-serial S --code C</translation>
        </message>
        <message>
            <source>ask the dealer: radiocode request %1 --out request.pdf --to NAME</source>
            <translation>den Händler fragen: radiocode request %1 --out request.pdf --to NAME</translation>
        </message>
        <message>
            <source>The code from the owner's radio card</source>
            <translation>Der Code vom Radio-Pass des Eigentümers</translation>
        </message>
        <message>
            <source>Ask a dealer for the code (PDF letter)</source>
            <translation>Einen Händler nach dem Code fragen (PDF-Brief)</translation>
        </message>
        <message>
            <source>Read the serials off pictures of the label</source>
            <translation>Die Seriennummern aus Fotos des Typenschilds lesen</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>%1: %2</translation>
        </message>
        <message>
            <source>The owner has the radio card (“Radio Pass”, “Safety-Nr”, PIN): its serial must be the radio's. When it is, the card's code is shown with how to enter it, and the job is logged; the code goes into the code database once the radio accepted it (radiocode jobs outcome JOB-ID worked). When the serials differ the radio was probably swapped, and no code is shown.</source>
            <translation>Der Eigentümer hat den Radio-Pass („Radio Pass“, „Safety-Nr“, PIN): Seine Seriennummer muss die des Radios sein. Ist sie es, wird der Code des Passes mit der Anleitung zur Eingabe angezeigt und der Auftrag protokolliert; der Code kommt in die Code-Datenbank, sobald das Radio ihn angenommen hat (radiocode jobs outcome JOB-ID worked). Weichen die Seriennummern ab, wurde das Radio wahrscheinlich getauscht, und es wird kein Code angezeigt.</translation>
        </message>
        <message>
            <source>Exit status: 0 the card's code is shown, 2 the serials differ or the input is invalid, 3 the work could not be done.</source>
            <translation>Exit-Status: 0 der Code des Passes wird angezeigt, 2 die Seriennummern weichen ab oder die Eingabe ist ungültig, 3 die Arbeit konnte nicht ausgeführt werden.</translation>
        </message>
        <message>
            <source>the radio's serial is missing.</source>
            <translation>die Seriennummer des Radios fehlt.</translation>
        </message>
        <message>
            <source>--card-serial S is needed: the serial printed on the card.</source>
            <translation>--card-serial S wird benötigt: die auf dem Pass gedruckte Seriennummer.</translation>
        </message>
        <message>
            <source>--code C is needed: the code on the card.</source>
            <translation>--code C wird benötigt: der Code auf dem Pass.</translation>
        </message>
        <message>
            <source>the radio's serial</source>
            <translation>die Seriennummer des Radios</translation>
        </message>
        <message>
            <source>the card's serial</source>
            <translation>die Seriennummer des Passes</translation>
        </message>
        <message>
            <source>Radio card: %1</source>
            <translation>Radio-Pass: %1</translation>
        </message>
        <message>
            <source>No code: %1</source>
            <translation>Kein Code: %1</translation>
        </message>
        <message>
            <source>the code “%1” is not a code: a code is exactly 4 digits.</source>
            <translation>der Code „%1“ ist kein Code: Ein Code hat genau 4 Ziffern.</translation>
        </message>
        <message>
            <source>radiocode card: the job could not be logged: %1</source>
            <translation>radiocode card: Der Auftrag konnte nicht protokolliert werden: %1</translation>
        </message>
        <message>
            <source>Warning: the code database holds %1 for this serial (%2). Check the card and the label before trying.</source>
            <translation>Warnung: Die Code-Datenbank enthält %1 für diese Seriennummer (%2). Prüfen Sie Pass und Typenschild, bevor Sie es versuchen.</translation>
        </message>
        <message>
            <source>Saved job #%1. Once the radio accepts the code: radiocode jobs outcome %1 worked (or refused).</source>
            <translation>Auftrag #%1 gespeichert. Sobald das Radio den Code annimmt: radiocode jobs outcome %1 worked (oder refused).</translation>
        </message>
        <message>
            <source>Writes a request for the radio's code to a Nissan dealer or the Blaupunkt/Becker service: the workshop (name, address and contact from radiocode-finder's Workshop details), the vehicle, the radio, the proof of ownership to enclose and the owner's signature. Fields not given are left blank to fill in by hand. The job is logged as waiting for the code: radiocode jobs list --waiting, and radiocode jobs answer JOB-ID CODE --from NAME when the answer comes.</source>
            <translation>Schreibt eine Anfrage nach dem Code des Radios an einen Nissan-Händler oder den Blaupunkt- oder Becker-Service: die Werkstatt (Name, Adresse und Kontakt aus den Werkstattdaten von radiocode-finder), das Fahrzeug, das Radio, den beizulegenden Eigentumsnachweis und die Unterschrift des Eigentümers. Nicht angegebene Felder bleiben zum Ausfüllen von Hand leer. Der Auftrag wird als wartend auf den Code protokolliert: radiocode jobs list --waiting, und radiocode jobs answer JOB-ID CODE --from NAME, wenn die Antwort kommt.</translation>
        </message>
        <message>
            <source>Exit status: 0 the request was written and logged, 2 invalid serial or arguments, 3 the file or the job log could not be written.</source>
            <translation>Exit-Status: 0 die Anfrage wurde geschrieben und protokolliert, 2 ungültige Seriennummer oder Argumente, 3 die Datei oder das Auftragsprotokoll konnte nicht geschrieben werden.</translation>
        </message>
        <message>
            <source>radiocode request: the request cannot be drawn without fonts.</source>
            <translation>radiocode request: Ohne Schriftarten kann die Anfrage nicht erstellt werden.</translation>
        </message>
        <message>
            <source>%1 is a %2 serial: its code is computed with the public algorithm: radiocode lookup %1</source>
            <translation>%1 ist eine %2-Seriennummer: Der Code dazu wird mit dem öffentlichen Algorithmus berechnet: radiocode lookup %1</translation>
        </message>
        <message>
            <source>--part-number: %1</source>
            <translation>--part-number: %1</translation>
        </message>
        <message>
            <source>cannot read the photo %1: %2</source>
            <translation>das Foto %1 kann nicht gelesen werden: %2</translation>
        </message>
        <message>
            <source>Note: the code database already holds a code for %1 (%2): radiocode lookup %1</source>
            <translation>Hinweis: Die Code-Datenbank enthält bereits einen Code für %1 (%2): radiocode lookup %1</translation>
        </message>
        <message>
            <source>the job could not be logged, so no request was written: %1</source>
            <translation>der Auftrag konnte nicht protokolliert werden, daher wurde keine Anfrage geschrieben: %1</translation>
        </message>
        <message>
            <source>job #%1</source>
            <translation>Auftrag #%1</translation>
        </message>
        <message>
            <source>Request for %1 written to %2.</source>
            <translation>Anfrage für %1 in %2 gespeichert.</translation>
        </message>
        <message>
            <source>Job #%1 is waiting for the code, asked on %2.</source>
            <translation>Auftrag #%1 wartet auf den Code, angefragt am %2.</translation>
        </message>
        <message>
            <source>Job #%1 is waiting for the code, asked of %2 on %3.</source>
            <translation>Auftrag #%1 wartet auf den Code, angefragt bei %2 am %3.</translation>
        </message>
        <message>
            <source>When the answer comes: radiocode jobs answer %1 CODE --from NAME</source>
            <translation>Wenn die Antwort kommt: radiocode jobs answer %1 CODE --from NAME</translation>
        </message>
        <message>
            <source>--waiting lists every waiting job: %1 cannot be combined with it.</source>
            <translation>--waiting listet alle wartenden Aufträge: %1 kann nicht damit kombiniert werden.</translation>
        </message>
        <message>
            <source>No job is waiting for a code.</source>
            <translation>Kein Auftrag wartet auf einen Code.</translation>
        </message>
        <message>
            <source>asked on %1</source>
            <translation>angefragt am %1</translation>
        </message>
        <message>
            <source>asked of %1 on %2</source>
            <translation>angefragt bei %1 am %2</translation>
        </message>
        <message numerus="yes">
            <source>waiting %n day(s)</source>
            <translation>
                <numerusform>wartet seit %n Tag</numerusform>
                <numerusform>wartet seit %n Tagen</numerusform>
            </translation>
        </message>
        <message>
            <source>give the job's number and the code</source>
            <translation>Geben Sie die Auftragsnummer und den Code an</translation>
        </message>
        <message>
            <source>“%1” is not a job number (radiocode jobs list --waiting shows them)</source>
            <translation>„%1“ ist keine Auftragsnummer (radiocode jobs list --waiting zeigt sie)</translation>
        </message>
        <message>
            <source>--from NAME is needed: the code is kept with who gave it</source>
            <translation>--from NAME wird benötigt: Der Code wird zusammen mit seiner Quelle gespeichert</translation>
        </message>
        <message>
            <source>Saved: code %1 for %2. %3 (%4)</source>
            <translation>Gespeichert: Code %1 für %2. %3 (%4)</translation>
        </message>
        <message>
            <source>Job #%1: enter the code on the radio (radiocode sheet %2 --out FILE.pdf prints the sheet), then record what happened: radiocode jobs outcome %1 worked (or refused).</source>
            <translation>Auftrag #%1: Geben Sie den Code am Radio ein (radiocode sheet %2 --out FILE.pdf druckt das Anleitungsblatt) und halten Sie dann das Ergebnis fest: radiocode jobs outcome %1 worked (oder refused).</translation>
        </message>
        <message>
            <source>the code database holds %1 for this radio (%2), not %3: nothing was changed. Check the answer with %4.</source>
            <translation>die Code-Datenbank enthält %1 für dieses Radio (%2), nicht %3: Nichts wurde geändert. Prüfen Sie die Antwort mit %4.</translation>
        </message>
        <message>
            <source>job #%1 is not waiting for a code (radiocode jobs list --waiting shows those that are).</source>
            <translation>Auftrag #%1 wartet nicht auf einen Code (radiocode jobs list --waiting zeigt die wartenden).</translation>
        </message>
        <message>
            <source>there is no job #%1.</source>
            <translation>Es gibt keinen Auftrag #%1.</translation>
        </message>
        <message>
            <source>give the job's number and worked, refused or not-tried</source>
            <translation>Geben Sie die Auftragsnummer und worked, refused oder not-tried an</translation>
        </message>
        <message>
            <source>“%1” is not a job number</source>
            <translation>„%1“ ist keine Auftragsnummer</translation>
        </message>
        <message>
            <source>Job #%1: %2.</source>
            <translation>Auftrag #%1: %2.</translation>
        </message>
        <message>
            <source>%1 is a folder, not a file.</source>
            <translation>%1 ist ein Ordner, keine Datei.</translation>
        </message>
        <message>
            <source>the standard output</source>
            <translation>die Standardausgabe</translation>
        </message>
        <message>
            <source>Cannot write to the standard output: %1</source>
            <translation>In die Standardausgabe kann nicht geschrieben werden: %1</translation>
        </message>
        <message>
            <source>%1 is a folder: give the name of a file to write.</source>
            <translation>%1 ist ein Ordner: Geben Sie den Namen einer zu schreibenden Datei an.</translation>
        </message>
        <message>
            <source>%1 is not a regular file (a socket or a block device): it was not touched. Give the name of a file to write.</source>
            <translation>%1 ist keine reguläre Datei (ein Socket oder Blockgerät): Sie wurde nicht verändert. Geben Sie den Namen einer zu schreibenden Datei an.</translation>
        </message>
        <message>
            <source>Reads the radio serials off pictures of the label (a phone photo, a scan, a screenshot: PNG, JPEG and the other formats Qt reads): barcodes first, the printed text where no barcode carries a serial. Writes one CSV row per serial found in each picture, with the header:</source>
            <translation>Liest die Radio-Seriennummern aus Bildern des Typenschilds (Handyfoto, Scan, Screenshot: PNG, JPEG und die anderen Formate, die Qt liest): zuerst Barcodes, dann den gedruckten Text, wo kein Barcode eine Seriennummer enthält. Schreibt je gefundener Seriennummer in jedem Bild eine CSV-Zeile, mit der Kopfzeile:</translation>
        </message>
        <message>
            <source>  status     as in batch (ok, invalid, unsupported, not-found, unreachable), or no-serial: none was found in the picture (one row)</source>
            <translation>  status     wie bei batch (ok, invalid, unsupported, not-found, unreachable), oder no-serial: keine im Bild gefunden (eine Zeile)</translation>
        </message>
        <message>
            <source>  serial     the normalised serial; for invalid, the text as read (a letter that looks like a digit: check the label)</source>
            <translation>  serial     die normalisierte Seriennummer; bei invalid der gelesene Text (ein Buchstabe, der wie eine Ziffer aussieht: prüfen Sie das Typenschild)</translation>
        </message>
        <message>
            <source>  read_from  barcode:FORMAT (barcode:Code128, ...) or text</source>
            <translation>  read_from  barcode:FORMAT (barcode:Code128, ...) oder text</translation>
        </message>
        <message>
            <source>A serial read off a picture can be misread: check it against the label before entering a code. Two different serials on one picture are both listed.</source>
            <translation>Eine aus einem Bild gelesene Seriennummer kann falsch gelesen sein: Vergleichen Sie sie mit dem Typenschild, bevor Sie einen Code eingeben. Zwei verschiedene Seriennummern in einem Bild werden beide aufgeführt.</translation>
        </message>
        <message>
            <source>Exit status: 0 every picture was read through (serials found or not), 2 a picture could not be opened or bad arguments.</source>
            <translation>Exit-Status: 0 jedes Bild wurde ganz gelesen (mit oder ohne Seriennummer), 2 ein Bild ließ sich nicht öffnen oder ungültige Argumente.</translation>
        </message>
        <message>
            <source>radiocode scan: %1: no such file.</source>
            <translation>radiocode scan: %1: Datei nicht vorhanden.</translation>
        </message>
        <message>
            <source>radiocode scan: %1 cannot be read (a folder, or no permission).</source>
            <translation>radiocode scan: %1 kann nicht gelesen werden (ein Ordner oder keine Berechtigung).</translation>
        </message>
        <message>
            <source>radiocode scan: %1 is not a picture this program can read (use PNG or JPEG).</source>
            <translation>radiocode scan: %1 ist kein Bild, das dieses Programm lesen kann (verwenden Sie PNG oder JPEG).</translation>
        </message>
        <message>
            <source>radiocode scan: %1 is damaged or cut short (%2); take or save the picture again.</source>
            <translation>radiocode scan: %1 ist beschädigt oder abgeschnitten (%2); nehmen Sie das Bild neu auf oder speichern Sie es erneut.</translation>
        </message>
        <message>
            <source>radiocode scan: %1 is larger than %2 megapixels; save a smaller copy.</source>
            <translation>radiocode scan: %1 ist größer als %2 Megapixel; speichern Sie eine kleinere Kopie.</translation>
        </message>
        <message>
            <source>name at least one picture.</source>
            <translation>Geben Sie mindestens ein Bild an.</translation>
        </message>
        <message>
            <source>the Blaupunkt part number from the label, cross-checked with the serial and printed on the sheet</source>
            <translation>die Blaupunkt-Teilenummer vom Typenschild, mit der Seriennummer abgeglichen und auf das Anleitungsblatt gedruckt</translation>
        </message>
        <message>
            <source>where to write the PDF (required unless --print; - for the standard output)</source>
            <translation>wohin das PDF geschrieben wird (Pflicht außer bei --print; - für die Standardausgabe)</translation>
        </message>
        <message>
            <source>replace FILE.pdf when it exists</source>
            <translation>FILE.pdf ersetzen, falls vorhanden</translation>
        </message>
        <message>
            <source>Exit status: 0 the sheet was written with a code, 1 it was written without one (not-found, unsupported), 2 invalid serial or arguments, 3 the file could not be written or nothing was printed (no printer, a stopped printer, one that rejects jobs).</source>
            <translation>Exit-Status: 0 das Anleitungsblatt wurde mit Code geschrieben, 1 ohne Code (not-found, unsupported), 2 ungültige Seriennummer oder Argumente, 3 die Datei ließ sich nicht schreiben oder nichts wurde gedruckt (kein Drucker, Drucker angehalten oder weist Aufträge ab).</translation>
        </message>
        <message>
            <source>--out FILE.pdf (or --print) is missing.</source>
            <translation>--out FILE.pdf (oder --print) fehlt.</translation>
        </message>
        <message>
            <source>--printer needs a printer's name.</source>
            <translation>--printer braucht den Namen eines Druckers.</translation>
        </message>
        <message>
            <source>--copies takes a number from 1 to 99, not "%1".</source>
            <translation>--copies erwartet eine Zahl von 1 bis 99, nicht „%1“.</translation>
        </message>
        <message>
            <source>unknown format "%1": use a4, letter, card or label62.</source>
            <translation>unbekanntes Format „%1“: Verwenden Sie a4, letter, card oder label62.</translation>
        </message>
        <message>
            <source>not printed: %1</source>
            <translation>nicht gedruckt: %1</translation>
        </message>
        <message>
            <source>Printed: job %1 on %2</source>
            <translation>Gedruckt: Auftrag %1 auf %2</translation>
        </message>
        <message numerus="yes">
            <source>(%n copies)</source>
            <translation>
                <numerusform>(%n Exemplar)</numerusform>
                <numerusform>(%n Exemplare)</numerusform>
            </translation>
        </message>
        <message>
            <source>print it (on the default printer unless --printer names one)</source>
            <translation>drucken (auf dem Standarddrucker, sofern --printer keinen nennt)</translation>
        </message>
        <message>
            <source>the printer (a CUPS queue) to print on</source>
            <translation>der Drucker (eine CUPS-Warteschlange), auf dem gedruckt wird</translation>
        </message>
        <message>
            <source>how many copies to print (1 to 99)</source>
            <translation>wie viele Exemplare gedruckt werden (1 bis 99)</translation>
        </message>
        <message>
            <source>a4 or letter (the sheet), card (85 x 54 mm) or label62 (a 62 mm label) for the code card</source>
            <translation>a4 oder letter (das Anleitungsblatt), card (85 x 54 mm) oder label62 (ein 62-mm-Etikett) für die Codekarte</translation>
        </message>
        <message>
            <source>Columns:</source>
            <translation>Spalten:</translation>
        </message>
        <message>
            <source>show this help</source>
            <translation>diese Hilfe anzeigen</translation>
        </message>
        <message>
            <source>Usage: %1</source>
            <translation>Aufruf: %1</translation>
        </message>
        <message>
            <source>missing value for %1</source>
            <translation>fehlender Wert für %1</translation>
        </message>
        <message>
            <source>%1 takes no value</source>
            <translation>%1 erwartet keinen Wert</translation>
        </message>
        <message>
            <source>Actions:</source>
            <translation>Aktionen:</translation>
        </message>
        <message>
            <source>Each action's options: radiocode %1 ACTION --help.</source>
            <translation>Optionen der einzelnen Aktionen: radiocode %1 ACTION --help.</translation>
        </message>
        <message>
            <source>unknown radio family "%1": use one of %2.</source>
            <translation>unbekannte Radiofamilie „%1“: Verwenden Sie eine von %2.</translation>
        </message>
        <message>
            <source>overwrite an existing FILE</source>
            <translation>eine vorhandene Datei FILE überschreiben</translation>
        </message>
        <message>
            <source>Import a CSV list of serials and codes</source>
            <translation>Eine CSV-Liste mit Seriennummern und Codes importieren</translation>
        </message>
        <message>
            <source>Imports a CSV list with a serial and a code column (comma, semicolon or tab; headers such as Serial No, Seriennummer, Seri No, Radio Code, Kod are recognised). All accepted rows or none are saved; a stored code is never overwritten. - reads the standard input.</source>
            <translation>Importiert eine CSV-Liste mit einer Seriennummern- und einer Code-Spalte (Komma, Semikolon oder Tab; Kopfzeilen wie Serial No, Seriennummer, Seri No, Radio Code, Kod werden erkannt). Entweder werden alle gültigen Zeilen gespeichert oder keine; ein gespeicherter Code wird nie überschrieben. - liest die Standardeingabe.</translation>
        </message>
        <message>
            <source>Record a code that worked on the radio</source>
            <translation>Einen Code hinterlegen, den das Radio angenommen hat</translation>
        </message>
        <message>
            <source>who confirmed the code on the radio (required)</source>
            <translation>wer den Code am Radio bestätigt hat (Pflicht)</translation>
        </message>
        <message>
            <source>Records a code that worked on the radio, with who confirmed it.</source>
            <translation>Hinterlegt einen Code, den das Radio angenommen hat, und hält fest, wer ihn bestätigt hat.</translation>
        </message>
        <message>
            <source>Write every code as CSV</source>
            <translation>Jeden Code als CSV schreiben</translation>
        </message>
        <message>
            <source>Writes every code as CSV (serial,code,family,source,origin,created_at) to FILE or the standard output.</source>
            <translation>Schreibt jeden Code als CSV (serial,code,family,source,origin,created_at) in FILE oder auf die Standardausgabe.</translation>
        </message>
        <message>
            <source>Show which database is used and what it holds</source>
            <translation>Anzeigen, welche Datenbank verwendet wird und was sie enthält</translation>
        </message>
        <message>
            <source>Shows which database is used, why (--database, $RADIOCODE_DATABASE, the desktop program's setting or the default) and what it holds.</source>
            <translation>Zeigt an, welche Datenbank verwendet wird, warum (--database, $RADIOCODE_DATABASE, die Einstellung des Desktop-Programms oder der Standard) und was sie enthält.</translation>
        </message>
        <message>
            <source>Exit status: 0 the families were listed, 2 bad arguments.</source>
            <translation>Exit-Status: 0 die Familien wurden aufgelistet, 2 ungültige Argumente.</translation>
        </message>
        <message>
            <source>List the job log</source>
            <translation>Das Auftragsprotokoll auflisten</translation>
        </message>
        <message>
            <source>the jobs waiting for a dealer's answer instead (no filters)</source>
            <translation>stattdessen die Aufträge, die auf die Antwort eines Händlers warten (keine Filter)</translation>
        </message>
        <message>
            <source>print the jobs as one JSON object</source>
            <translation>die Aufträge als ein JSON-Objekt ausgeben</translation>
        </message>
        <message>
            <source>Lists the jobs of the job log, newest first.</source>
            <translation>Listet die Aufträge des Auftragsprotokolls auf, die neuesten zuerst.</translation>
        </message>
        <message>
            <source>list --waiting shows the jobs whose code was asked of a dealer (radiocode request), how long each has waited, and a reminder after the days set in radiocode-finder.</source>
            <translation>list --waiting zeigt die Aufträge, deren Code bei einem Händler angefragt wurde (radiocode request), wie lange jeder schon wartet, und eine Erinnerung nach den in radiocode-finder eingestellten Tagen.</translation>
        </message>
        <message>
            <source>Write the job log as CSV</source>
            <translation>Das Auftragsprotokoll als CSV schreiben</translation>
        </message>
        <message>
            <source>Writes the jobs the filters choose as CSV to FILE or the standard output.</source>
            <translation>Schreibt die von den Filtern gewählten Aufträge als CSV in FILE oder auf die Standardausgabe.</translation>
        </message>
        <message>
            <source>the code tried</source>
            <translation>der versuchte Code</translation>
        </message>
        <message>
            <source>who did the job</source>
            <translation>wer den Auftrag ausgeführt hat</translation>
        </message>
        <message>
            <source>the customer</source>
            <translation>der Kunde</translation>
        </message>
        <message>
            <source>the vehicle identification number</source>
            <translation>die Fahrzeug-Identifizierungsnummer</translation>
        </message>
        <message>
            <source>where the code came from</source>
            <translation>woher der Code stammt</translation>
        </message>
        <message>
            <source>Log a job by hand</source>
            <translation>Einen Auftrag von Hand protokollieren</translation>
        </message>
        <message>
            <source>how often the code was tried (0 to 99)</source>
            <translation>wie oft der Code versucht wurde (0 bis 99)</translation>
        </message>
        <message>
            <source>Logs a job for the radio with SERIAL, and says when codes were refused for it before.</source>
            <translation>Protokolliert einen Auftrag für das Radio mit SERIAL und meldet, wenn für dieses Radio schon früher Codes abgelehnt wurden.</translation>
        </message>
        <message>
            <source>How often a code was refused for a serial</source>
            <translation>Wie oft für eine Seriennummer ein Code abgelehnt wurde</translation>
        </message>
        <message>
            <source>The job log: every radio the workshop looked at, the code tried and whether it worked. answer saves the code a dealer gave for a waiting job; outcome records whether the radio accepted a job's code: a code that worked is kept in the code database, a refused one is flagged for the next lookup.</source>
            <translation>Das Auftragsprotokoll: jedes Radio, das die Werkstatt bearbeitet hat, der versuchte Code und ob das Radio ihn angenommen hat. answer speichert den Code, den ein Händler für einen wartenden Auftrag genannt hat; outcome hält fest, ob das Radio den Code eines Auftrags angenommen hat: Ein angenommener Code bleibt in der Code-Datenbank, ein abgelehnter wird für die nächste Abfrage markiert.</translation>
        </message>
        <message>
            <source>the label shows the letter: radiocode lookup %1 --reading letter</source>
            <translation>das Typenschild zeigt den Buchstaben: radiocode lookup %1 --reading letter</translation>
        </message>
        <message>
            <source>the label shows the digit: radiocode lookup %1 --reading digit</source>
            <translation>das Typenschild zeigt die Ziffer: radiocode lookup %1 --reading digit</translation>
        </message>
        <message>
            <source>unknown reading "%1": use letter or digit.</source>
            <translation>unbekannte Lesart „%1“: Verwenden Sie letter oder digit.</translation>
        </message>
        <message>
            <source>--reading only applies to a Blaupunkt serial whose 7th character is a letter that looks like a digit (O, I, L, S, B, Z or G); %1 has one reading.</source>
            <translation>--reading gilt nur für eine Blaupunkt-Seriennummer, deren 7. Zeichen ein Buchstabe ist, der wie eine Ziffer aussieht (O, I, L, S, B, Z oder G); %1 hat nur eine Lesart.</translation>
        </message>
        <message>
            <source>a Blaupunkt serial whose 7th character may be a letter or a digit (O or 0, I or 1, ...): which one the label shows; only that reading is looked up</source>
            <translation>bei einer Blaupunkt-Seriennummer, deren 7. Zeichen ein Buchstabe oder eine Ziffer sein kann (O oder 0, I oder 1, ...): was das Typenschild zeigt; nur diese Lesart wird abgefragt</translation>
        </message>
        <message>
            <source>the serial printed on the card (required)</source>
            <translation>die auf dem Radio-Pass gedruckte Seriennummer (Pflicht)</translation>
        </message>
        <message>
            <source>the code on the card (required)</source>
            <translation>der Code auf dem Radio-Pass (Pflicht)</translation>
        </message>
        <message>
            <source>the owner</source>
            <translation>der Eigentümer</translation>
        </message>
        <message>
            <source>where to write the letter (required)</source>
            <translation>wohin der Brief geschrieben wird (Pflicht)</translation>
        </message>
        <message>
            <source>the Blaupunkt part number from the label</source>
            <translation>die Blaupunkt-Teilenummer vom Typenschild</translation>
        </message>
        <message>
            <source>the dealer or service asked</source>
            <translation>der angefragte Händler oder Service</translation>
        </message>
        <message>
            <source>who asks</source>
            <translation>wer anfragt</translation>
        </message>
        <message>
            <source>a picture of the label, printed small</source>
            <translation>ein Foto des Typenschilds, verkleinert gedruckt</translation>
        </message>
        <message>
            <source>paper size</source>
            <translation>Papierformat</translation>
        </message>
        <message>
            <source>Save the code a dealer gave for a job</source>
            <translation>Den Code speichern, den ein Händler für einen Auftrag genannt hat</translation>
        </message>
        <message>
            <source>who gave the code (required)</source>
            <translation>wer den Code genannt hat (Pflicht)</translation>
        </message>
        <message>
            <source>the manufacturer's service gave it, not a dealer</source>
            <translation>der Herstellerservice hat ihn genannt, nicht ein Händler</translation>
        </message>
        <message>
            <source>answer saves the code a dealer (or with --manufacturer, the manufacturer's service) gave for a waiting job.</source>
            <translation>answer speichert den Code, den ein Händler (oder mit --manufacturer der Herstellerservice) für einen wartenden Auftrag genannt hat.</translation>
        </message>
        <message>
            <source>Record whether the radio took the code</source>
            <translation>Festhalten, ob das Radio den Code angenommen hat</translation>
        </message>
        <message>
            <source>who tried the code</source>
            <translation>wer den Code versucht hat</translation>
        </message>
        <message>
            <source>outcome records whether the radio accepted a job's code: a code that worked is kept in the code database, a refused one is flagged for the next lookup.</source>
            <translation>outcome hält fest, ob das Radio den Code eines Auftrags angenommen hat: Ein angenommener Code bleibt in der Code-Datenbank, ein abgelehnter wird für die nächste Abfrage markiert.</translation>
        </message>
        <message>
            <source>which reading of a Blaupunkt 7th character that may be a letter or a digit the label shows (see lookup)</source>
            <translation>welche Lesart des 7. Zeichens einer Blaupunkt-Seriennummer, das ein Buchstabe oder eine Ziffer sein kann, das Typenschild zeigt (siehe lookup)</translation>
        </message>
    </context>
    <context>
        <name>radiocode::gui::AnswerDialog</name>
        <message>
            <source>Enter the answer</source>
            <translation>Antwort eingeben</translation>
        </message>
        <message>
            <source>The code given for %1. It is kept in the code database with who gave it.</source>
            <translation>Der für %1 erhaltene Code. Er wird mit dem Namen des Absenders in der Code-Datenbank gespeichert.</translation>
        </message>
        <message>
            <source>4 digits</source>
            <translation>4 Ziffern</translation>
        </message>
        <message>
            <source>The answer came from the manufacturer's service</source>
            <translation>Die Antwort kam vom Herstellerservice</translation>
        </message>
        <message>
            <source>&amp;Code:</source>
            <translation>&amp;Code:</translation>
        </message>
        <message>
            <source>&amp;From:</source>
            <translation>&amp;Von:</translation>
        </message>
    </context>
    <context>
        <name>radiocode::gui::CardDialog</name>
        <message>
            <source>The owner has the radio card</source>
            <translation>Der Eigentümer hat den Radio-Pass</translation>
        </message>
        <message>
            <source>The radio card (“Radio Pass”, “Safety-Nr”, PIN) holds the code for one radio: its serial must be this radio's, %1.</source>
            <translation>Der Radio-Pass („Radio Pass“, „Safety-Nr“, PIN) enthält den Code für ein Radio: Seine Seriennummer muss die dieses Radios sein, %1.</translation>
        </message>
        <message>
            <source>the serial as printed on the card</source>
            <translation>die Seriennummer wie auf dem Pass gedruckt</translation>
        </message>
        <message>
            <source>4 digits</source>
            <translation>4 Ziffern</translation>
        </message>
        <message>
            <source>Serial on the &amp;card:</source>
            <translation>Seriennummer auf dem &amp;Pass:</translation>
        </message>
        <message>
            <source>&amp;Code on the card:</source>
            <translation>&amp;Code auf dem Pass:</translation>
        </message>
        <message>
            <source>&amp;Check and show the code</source>
            <translation>Prüfen und Code an&amp;zeigen</translation>
        </message>
    </context>
    <context>
        <name>radiocode::gui::DatabaseIntegration</name>
        <message>
            <source>Record the code that worked</source>
            <translation>Angenommenen Code erfassen</translation>
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
            <source>The code came from the radio card or the dealer and the radio accepted it: keep it in the code database.</source>
            <translation>Der Code stammt vom Radio-Pass oder vom Händler, und das Radio hat ihn angenommen: in der Code-Datenbank speichern.</translation>
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
            <translation>Code angenommen</translation>
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
            <translation>„%1“ ist kein Code: Ein Code hat genau 4 Ziffern.</translation>
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
            <source>Save j&amp;ob</source>
            <translation>Auftrag spei&amp;chern</translation>
        </message>
        <message>
            <source>Opening the code database…</source>
            <translation>Die Code-Datenbank wird geöffnet…</translation>
        </message>
        <message>
            <source>Job saved.</source>
            <translation>Auftrag gespeichert.</translation>
        </message>
        <message>
            <source>&amp;Workshop details…</source>
            <translation>&amp;Werkstattdaten…</translation>
        </message>
        <message>
            <source>Code refused…</source>
            <translation>Code abgelehnt…</translation>
        </message>
        <message>
            <source>Record the code that worked…</source>
            <translation>Angenommenen Code erfassen…</translation>
        </message>
        <message>
            <source>Record that the radio refused the code %1? This counts a wrong attempt for %2.</source>
            <translation>Erfassen, dass das Radio den Code %1 abgelehnt hat? Das zählt als Fehlversuch für %2.</translation>
        </message>
        <message>
            <source>Record refusal</source>
            <translation>Ablehnung erfassen</translation>
        </message>
        <message>
            <source>Code %1 recorded as worked. Job saved.</source>
            <translation>Code %1 als angenommen erfasst. Auftrag gespeichert.</translation>
        </message>
        <message>
            <source>Code %1 recorded as worked and marked as confirmed by %2. Job saved.</source>
            <translation>Code %1 als angenommen erfasst und als von %2 bestätigt markiert. Auftrag gespeichert.</translation>
        </message>
        <message numerus="yes">
            <source>Code %1 recorded as refused (%n wrong attempt(s) in this job). Job saved.</source>
            <translation>
                <numerusform>Code %1 als abgelehnt erfasst (%n Fehlversuch in diesem Auftrag). Auftrag gespeichert.</numerusform>
                <numerusform>Code %1 als abgelehnt erfasst (%n Fehlversuche in diesem Auftrag). Auftrag gespeichert.</numerusform>
            </translation>
        </message>
        <message>
            <source>Connecting to %1 again…</source>
            <translation>Verbindung zu %1 wird neu aufgebaut…</translation>
        </message>
        <message>
            <source>Lost the connection to %1</source>
            <translation>Verbindung zu %1 abgebrochen</translation>
        </message>
    </context>
    <context>
        <name>radiocode::gui::DatabaseSession</name>
        <message>
            <source>The code database cannot be opened.</source>
            <translation>Die Code-Datenbank kann nicht geöffnet werden.</translation>
        </message>
        <message>
            <source>The code database is being opened: try again in a moment.</source>
            <translation>Die Code-Datenbank wird gerade geöffnet: Versuchen Sie es gleich noch einmal.</translation>
        </message>
        <message>
            <source>The code database cannot be reached.</source>
            <translation>Die Code-Datenbank ist nicht erreichbar.</translation>
        </message>
        <message>
            <source>Code database</source>
            <translation>Code-Datenbank</translation>
        </message>
        <message>
            <source>The connection to the code database was lost. Connecting again…</source>
            <translation>Die Verbindung zur Code-Datenbank ist abgebrochen. Sie wird neu aufgebaut…</translation>
        </message>
        <message>
            <source>Connecting to the code database…</source>
            <translation>Verbindung zur Code-Datenbank wird aufgebaut…</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Abbrechen</translation>
        </message>
        <message>
            <source>The connection to the code database was lost and is being made again: try again in a moment.</source>
            <translation>Die Verbindung zur Code-Datenbank ist abgebrochen und wird neu aufgebaut: Versuchen Sie es gleich noch einmal.</translation>
        </message>
        <message>
            <source>The connection to the code database was lost and it cannot be reached yet (%1). Connecting again: try again in a moment.</source>
            <translation>Die Verbindung zur Code-Datenbank ist abgebrochen, und sie ist noch nicht erreichbar (%1). Sie wird neu aufgebaut: Versuchen Sie es gleich noch einmal.</translation>
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
        <message>
            <source>Database address</source>
            <translation>Datenbankadresse</translation>
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
        <message>
            <source>On the drawing: %1</source>
            <translation>Auf der Zeichnung: %1</translation>
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
            <translation>Wählen Sie die Marke, die auf dem Typenschild des Radios steht. Die Zeichnungen zeigen, wie jedes Typenschild aussieht.</translation>
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
            <translation>Die Stationstasten 1 bis 4 stellen die vier Ziffern ein: Drücken Sie die Stationstaste 1, bis im Display die erste Ziffer erscheint, die 2 für die zweite, die 3 für die dritte und die 4 für die vierte. Bestätigen Sie dann mit der Taste, die auf der Ergebnisseite genannt wird.</translation>
        </message>
        <message>
            <source>Keyboard</source>
            <translation>Tastatur</translation>
        </message>
        <message>
            <source>Go on: choose the focused card, look the serial up, next step</source>
            <translation>Weiter: Karte mit dem Fokus wählen, Seriennummer nachschlagen, nächster Schritt</translation>
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
            <source>Zoom the label drawing</source>
            <translation>Typenschild-Zeichnung zoomen</translation>
        </message>
        <message>
            <source>This help</source>
            <translation>Diese Hilfe</translation>
        </message>
        <message>
            <source>Barcode scanner</source>
            <translation>Barcode-Scanner</translation>
        </message>
        <message>
            <source>Scan the radio's label on any page: the program looks the serial up as a new radio, whatever had the focus. Keys typed by hand work as usual.</source>
            <translation>Scannen Sie das Typenschild des Radios auf einer beliebigen Seite des Programms: Das Programm sucht die Seriennummer als neues Radio, egal, was den Fokus hatte. Von Hand getippte Eingaben funktionieren wie gewohnt.</translation>
        </message>
    </context>
    <context>
        <name>radiocode::gui::HistoryWindow</name>
        <message>
            <source>Job history</source>
            <translation>Auftragsverlauf</translation>
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
            <translation>CSV e&amp;xportieren…</translation>
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
        <message>
            <source>Serial, code, customer, registration, VIN, technician or notes</source>
            <translation>Seriennummer, Code, Kunde, Kennzeichen, FIN, Techniker oder Notizen</translation>
        </message>
        <message>
            <source>Search the jobs</source>
            <translation>Aufträge durchsuchen</translation>
        </message>
        <message>
            <source>Waiting for codes</source>
            <translation>Warten auf Codes</translation>
        </message>
        <message>
            <source>Radio family</source>
            <translation>Radiofamilie</translation>
        </message>
        <message>
            <source>From date</source>
            <translation>Von Datum</translation>
        </message>
        <message>
            <source>To date</source>
            <translation>Bis Datum</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>Notizen</translation>
        </message>
        <message>
            <source>Jobs</source>
            <translation>Aufträge</translation>
        </message>
        <message>
            <source>Change &amp;outcome</source>
            <translation>&amp;Ergebnis ändern</translation>
        </message>
        <message>
            <source>Enter the &amp;answer…</source>
            <translation>&amp;Antwort eingeben…</translation>
        </message>
        <message>
            <source>Enter the answer</source>
            <translation>Antwort eingeben</translation>
        </message>
        <message>
            <source>Choose a job under “Waiting for codes” first.</source>
            <translation>Wählen Sie zuerst einen Auftrag unter „Warten auf Codes“.</translation>
        </message>
        <message>
            <source>“%1” is not a code: a code is exactly 4 digits.</source>
            <translation>„%1“ ist kein Code: Ein Code hat genau 4 Ziffern.</translation>
        </message>
        <message>
            <source>Say who gave the code: it is kept with the code.</source>
            <translation>Geben Sie an, von wem der Code stammt: Das wird mit dem Code gespeichert.</translation>
        </message>
        <message>
            <source>The code database holds %1 for this radio (%2), not %3: nothing was changed. Check the answer with %4.</source>
            <translation>In der Code-Datenbank ist für dieses Radio (%2) %1 hinterlegt, nicht %3: Nichts wurde geändert. Prüfen Sie die Antwort mit %4.</translation>
        </message>
        <message>
            <source>Job #%1 is no longer waiting for a code.</source>
            <translation>Auftrag #%1 wartet nicht mehr auf einen Code.</translation>
        </message>
        <message>
            <source>Change outcome</source>
            <translation>Ergebnis ändern</translation>
        </message>
        <message>
            <source>Job of %1 (%2): outcome changed to “%3”.</source>
            <translation>Auftrag für %1 (%2): Ergebnis geändert in „%3“.</translation>
        </message>
        <message>
            <source>View &amp;label photo…</source>
            <translation>&amp;Foto des Typenschilds…</translation>
        </message>
        <message>
            <source>A photo of the label is kept with this job</source>
            <translation>Zu diesem Auftrag ist ein Foto des Typenschilds gespeichert</translation>
        </message>
        <message>
            <source>Label photo</source>
            <translation>Foto des Typenschilds</translation>
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
            <translation>&amp;Datei wählen…</translation>
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
        <message>
            <source>Code list file</source>
            <translation>Codelisten-Datei</translation>
        </message>
        <message>
            <source>The first rows of the file</source>
            <translation>Die ersten Zeilen der Datei</translation>
        </message>
        <message>
            <source>&amp;Restore leading zeros a spreadsheet dropped (420 → 0420, marked in the source)</source>
            <translation>Von einer Tabellenkalkulation entfernte führende Nullen &amp;wiederherstellen (420 → 0420, in der Quelle vermerkt)</translation>
        </message>
        <message>
            <source>&amp;Serial column:</source>
            <translation>&amp;Seriennummern-Spalte:</translation>
        </message>
        <message>
            <source>C&amp;ode column:</source>
            <translation>C&amp;ode-Spalte:</translation>
        </message>
        <message>
            <source>Problems and conflicts in the file</source>
            <translation>Probleme und Konflikte in der Datei</translation>
        </message>
        <message>
            <source>Choose the serial and the code column above.</source>
            <translation>Wählen Sie oben die Seriennummern- und die Code-Spalte.</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>%1: %2</translation>
        </message>
        <message>
            <source>(choose the serial column)</source>
            <translation>(Seriennummern-Spalte wählen)</translation>
        </message>
        <message>
            <source>(choose the code column)</source>
            <translation>(Code-Spalte wählen)</translation>
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
            <translation>Ganzes Typenschild anzeigen (Strg+0)</translation>
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
        <name>radiocode::gui::LabelPhotoViewer</name>
        <message>
            <source>Label photo of %1</source>
            <translation>Foto des Typenschilds von %1</translation>
        </message>
        <message>
            <source>The photo kept with this job cannot be shown: its data is damaged.</source>
            <translation>Das zu diesem Auftrag gespeicherte Foto kann nicht angezeigt werden: Seine Daten sind beschädigt.</translation>
        </message>
        <message>
            <source>Photo of the radio's label</source>
            <translation>Foto des Typenschilds des Radios</translation>
        </message>
        <message>
            <source>Taken on %1.</source>
            <translation>Aufgenommen am %1.</translation>
        </message>
        <message>
            <source>Read off this picture as %1 on %2 (framed in green). Compare it with the serial of the job: %3.</source>
            <translation>Aus diesem Bild wurde am %2 die Seriennummer %1 gelesen (grün umrahmt). Vergleichen Sie sie mit der Seriennummer des Auftrags: %3.</translation>
        </message>
    </context>
    <context>
        <name>radiocode::gui::LabelScanIntegration</name>
        <message>
            <source>Read from a photo…</source>
            <translation>Aus Foto lesen…</translation>
        </message>
        <message>
            <source>Find the serial on a photo or scan of the label (you can also drop a picture onto the window or paste one with Ctrl+V)</source>
            <translation>Seriennummer auf einem Foto oder Scan des Typenschilds finden (Sie können auch ein Bild auf das Fenster ziehen oder mit Strg+V einfügen)</translation>
        </message>
        <message>
            <source>Use the webcam</source>
            <translation>Webcam verwenden</translation>
        </message>
        <message>
            <source>Use the webcam (none found)</source>
            <translation>Webcam verwenden (keine gefunden)</translation>
        </message>
        <message>
            <source>Read the serial from the label held in front of the webcam</source>
            <translation>Seriennummer vom Typenschild vor der Webcam lesen</translation>
        </message>
        <message>
            <source>No webcam is connected. Connect one, then try again.</source>
            <translation>Keine Webcam angeschlossen. Schließen Sie eine an und versuchen Sie es erneut.</translation>
        </message>
        <message>
            <source>Read the serial from a photo</source>
            <translation>Seriennummer aus einem Foto lesen</translation>
        </message>
        <message>
            <source>Pictures (%1)</source>
            <translation>Bilder (%1)</translation>
        </message>
        <message>
            <source>pasted picture</source>
            <translation>eingefügtes Bild</translation>
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
            <translation>Typenschild</translation>
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
            <source>Check the VIN before saving the sheet.</source>
            <translation>Prüfen Sie die FIN, bevor Sie das Anleitungsblatt speichern.</translation>
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
            <translation>Der Name der Werkstatt, oben auf jedes Anleitungsblatt gedruckt:</translation>
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
            <translation>&amp;Fehlerbehebung und Tastenkürzel</translation>
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
        <message>
            <source>The job details (customer, registration, VIN, notes) were entered for %1. Keep them for %2?</source>
            <translation>Die Auftragsdaten (Kunde, Kennzeichen, FIN, Notizen) wurden für %1 eingegeben. Für %2 übernehmen?</translation>
        </message>
        <message>
            <source>Another radio</source>
            <translation>Anderes Radio</translation>
        </message>
        <message>
            <source>Keep them</source>
            <translation>Übernehmen</translation>
        </message>
        <message>
            <source>Clear them</source>
            <translation>Löschen</translation>
        </message>
        <message>
            <source>Another radio: the job details of %1 were cleared.</source>
            <translation>Anderes Radio: Die Auftragsdaten von %1 wurden gelöscht.</translation>
        </message>
        <message>
            <source>Scanned “%1”: this serial cannot be looked up as it is, see the message under it.</source>
            <translation>„%1“ gescannt: Diese Seriennummer kann so nicht gesucht werden, siehe Meldung darunter.</translation>
        </message>
        <message>
            <source>The code database now has a code for %1.</source>
            <translation>Die Code-Datenbank hat jetzt einen Code für %1.</translation>
        </message>
        <message>
            <source>The code database's answer for %1 has changed.</source>
            <translation>Die Antwort der Code-Datenbank für %1 hat sich geändert.</translation>
        </message>
        <message>
            <source>Sheet saved as %1.</source>
            <translation>Anleitungsblatt als %1 gespeichert.</translation>
        </message>
        <message>
            <source>Sheet for %1 sent to the printer.</source>
            <translation>Anleitungsblatt für %1 an den Drucker gesendet.</translation>
        </message>
        <message>
            <source>Printed: job %1 on %2</source>
            <translation>Gedruckt: Auftrag %1 auf %2</translation>
        </message>
        <message>
            <source>Nothing was printed.</source>
            <translation>Es wurde nichts gedruckt.</translation>
        </message>
        <message>
            <source>radio-code-card-%1.pdf</source>
            <translation>radio-code-card-%1.pdf</translation>
        </message>
        <message>
            <source>Print &amp;without asking (on the last printer)</source>
            <translation>&amp;Ohne Nachfrage drucken (auf dem zuletzt verwendeten Drucker)</translation>
        </message>
        <message>
            <source>Print code &amp;card…</source>
            <translation>Code&amp;karte drucken…</translation>
        </message>
        <message>
            <source>Code card (glovebo&amp;x)</source>
            <translation>Codekarte (Handschuh&amp;fach)</translation>
        </message>
        <message>
            <source>A small card with the code for the owner's handbook or the glovebox</source>
            <translation>Eine kleine Karte mit dem Code für die Bedienungsanleitung oder das Handschuhfach</translation>
        </message>
        <message>
            <source>Print code card (85 × 54 mm)…</source>
            <translation>Codekarte drucken (85 × 54 mm)…</translation>
        </message>
        <message>
            <source>Print code label (62 mm label printer)…</source>
            <translation>Code-Etikett drucken (62-mm-Etikettendrucker)…</translation>
        </message>
        <message>
            <source>Save code card as PDF…</source>
            <translation>Codekarte als PDF speichern…</translation>
        </message>
        <message>
            <source>The code database answers again: it holds no code for %1.</source>
            <translation>Die Code-Datenbank antwortet wieder: Sie hat keinen Code für %1.</translation>
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
        <name>radiocode::gui::NoCodeActions</name>
        <message>
            <source>The o&amp;wner has the radio card…</source>
            <translation>Der Eigentümer hat den &amp;Radio-Pass…</translation>
        </message>
        <message>
            <source>Enter the serial and the code from the owner's radio card.</source>
            <translation>Geben Sie Seriennummer und Code vom Radio-Pass des Eigentümers ein.</translation>
        </message>
        <message>
            <source>Request th&amp;e code…</source>
            <translation>Cod&amp;e anfordern…</translation>
        </message>
        <message>
            <source>Print a request for the code to a Nissan dealer or the manufacturer's service, and keep the job waiting for the answer.</source>
            <translation>Eine Code-Anfrage an einen Nissan-Händler oder den Herstellerservice drucken und den Auftrag auf die Antwort warten lassen.</translation>
        </message>
        <message>
            <source>The card's serial: %1</source>
            <translation>Seriennummer des Passes: %1</translation>
        </message>
        <message>
            <source>“%1” is not a code: a code is exactly 4 digits.</source>
            <translation>„%1“ ist kein Code: Ein Code hat genau 4 Ziffern.</translation>
        </message>
        <message>
            <source>Job #%1 is waiting for the code.</source>
            <translation>Auftrag #%1 wartet auf den Code.</translation>
        </message>
        <message>
            <source>Job #%1 is waiting for the code from %2.</source>
            <translation>Auftrag #%1 wartet auf den Code von %2.</translation>
        </message>
        <message>
            <source>job #%1</source>
            <translation>Auftrag #%1</translation>
        </message>
        <message>
            <source>Request the code</source>
            <translation>Code anfordern</translation>
        </message>
        <message>
            <source>Save the request as PDF</source>
            <translation>Anfrage als PDF speichern</translation>
        </message>
        <message>
            <source>PDF files (*.pdf)</source>
            <translation>PDF-Dateien (*.pdf)</translation>
        </message>
        <message>
            <source>The request could not be printed.</source>
            <translation>Die Anfrage konnte nicht gedruckt werden.</translation>
        </message>
        <message>
            <source>Database ▸ Job history ▸ Waiting for codes.</source>
            <translation>Datenbank ▸ Auftragsverlauf ▸ Warten auf Codes.</translation>
        </message>
    </context>
    <context>
        <name>radiocode::gui::PhotoReaderDialog</name>
        <message>
            <source>Read the serial from a photo</source>
            <translation>Seriennummer aus einem Foto lesen</translation>
        </message>
        <message>
            <source>No picture yet.</source>
            <translation>Noch kein Bild.</translation>
        </message>
        <message>
            <source>Picture: %1</source>
            <translation>Bild: %1</translation>
        </message>
        <message>
            <source>A serial read off a picture can be misread: compare it with the label before you look up the code.</source>
            <translation>Eine aus einem Bild gelesene Seriennummer kann falsch gelesen sein: Vergleichen Sie sie mit dem Typenschild, bevor Sie den Code suchen.</translation>
        </message>
        <message>
            <source>Stop reading</source>
            <translation>Lesen abbrechen</translation>
        </message>
        <message>
            <source>Zoom in</source>
            <translation>Vergrößern</translation>
        </message>
        <message>
            <source>Zoom out</source>
            <translation>Verkleinern</translation>
        </message>
        <message>
            <source>Fit</source>
            <translation>Einpassen</translation>
        </message>
        <message>
            <source>Use this serial</source>
            <translation>Diese Seriennummer verwenden</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Schließen</translation>
        </message>
        <message>
            <source>%1 does not exist (any more).</source>
            <translation>%1 existiert nicht (mehr).</translation>
        </message>
        <message>
            <source>%1 cannot be read: it is a folder, or you have no permission to read it.</source>
            <translation>%1 kann nicht gelesen werden: Es ist ein Ordner oder Sie haben keine Leseberechtigung.</translation>
        </message>
        <message>
            <source>%1 is not a picture this program can read. Use a PNG or JPEG file.</source>
            <translation>%1 ist kein Bild, das dieses Programm lesen kann. Verwenden Sie eine PNG- oder JPEG-Datei.</translation>
        </message>
        <message>
            <source>%1 is damaged or cut short. Take or save the picture again.</source>
            <translation>%1 ist beschädigt oder abgeschnitten. Nehmen Sie das Bild neu auf oder speichern Sie es erneut.</translation>
        </message>
        <message>
            <source>%1 is larger than %2 megapixels. Save a smaller copy and try again.</source>
            <translation>%1 ist größer als %2 Megapixel. Speichern Sie eine kleinere Kopie und versuchen Sie es erneut.</translation>
        </message>
        <message>
            <source>Reading the label…</source>
            <translation>Typenschild wird gelesen…</translation>
        </message>
        <message>
            <source>unknown radio</source>
            <translation>unbekanntes Radio</translation>
        </message>
        <message>
            <source>barcode (%1)</source>
            <translation>Barcode (%1)</translation>
        </message>
        <message>
            <source>printed text, %1% sure</source>
            <translation>gedruckter Text, %1 % sicher</translation>
        </message>
        <message>
            <source>%1 – %2
%3 · %4</source>
            <translation>%1 – %2
%3 · %4</translation>
        </message>
        <message>
            <source>%1 – read as “%2”
%3 · %4</source>
            <translation>%1 – gelesen als „%2“
%3 · %4</translation>
        </message>
        <message>
            <source>Reading stopped. Nothing was taken from this picture.</source>
            <translation>Lesen abgebrochen. Aus diesem Bild wurde nichts übernommen.</translation>
        </message>
        <message>
            <source>No serial found on this picture. Take the photo closer and straight on, with light on the label, or type the serial.</source>
            <translation>Keine Seriennummer in diesem Bild gefunden. Fotografieren Sie das Typenschild näher, gerade und gut beleuchtet, oder tippen Sie die Seriennummer ein.</translation>
        </message>
        <message numerus="yes">
            <source>%n different serials on this picture: choose the one on this radio.</source>
            <translation>
                <numerusform>%n Seriennummer in diesem Bild: Wählen Sie die dieses Radios.</numerusform>
                <numerusform>%n verschiedene Seriennummern in diesem Bild: Wählen Sie die dieses Radios.</numerusform>
            </translation>
        </message>
        <message>
            <source>Found one serial. Check it against the label, then use it.</source>
            <translation>Eine Seriennummer gefunden. Prüfen Sie sie am Typenschild und verwenden Sie sie dann.</translation>
        </message>
        <message>
            <source>Something like a serial was read, but a character looks wrong: check the label.</source>
            <translation>Etwas wie eine Seriennummer wurde gelesen, aber ein Zeichen wirkt falsch: Prüfen Sie das Typenschild.</translation>
        </message>
        <message>
            <source>&amp;Keep this picture with the job</source>
            <translation>Dieses Bild zum Auftrag &amp;speichern</translation>
        </message>
        <message>
            <source>A small copy is saved with the job and printed on the sheet, so a refused code can be checked against the real label</source>
            <translation>Eine kleine Kopie wird zum Auftrag gespeichert und auf das Anleitungsblatt gedruckt, damit sich bei einem abgelehnten Code das echte Typenschild zum Vergleich heranziehen lässt</translation>
        </message>
        <message>
            <source>%1 – %2
%3 · %4
Part number %5 (printed text, %6% sure; it fits the serial)</source>
            <translation>%1 – %2
%3 · %4
Teilenummer %5 (gedruckter Text, %6 % sicher; passt zur Seriennummer)</translation>
        </message>
        <message>
            <source>A part number was read that does not fit the serial, so it was not taken: compare both with the label and type the part number.</source>
            <translation>Es wurde eine Teilenummer gelesen, die nicht zur Seriennummer passt, daher wurde sie nicht übernommen: Vergleichen Sie beide mit dem Typenschild und tippen Sie die Teilenummer ein.</translation>
        </message>
    </context>
    <context>
        <name>radiocode::gui::RequestDialog</name>
        <message>
            <source>Request the code</source>
            <translation>Code anfordern</translation>
        </message>
        <message>
            <source>A letter for a Nissan dealer or the %1 service: the workshop, the vehicle, the radio and the proof of ownership to enclose, with the owner's signature. Empty fields are left blank to fill in by hand.</source>
            <translation>Ein Schreiben an einen Nissan-Händler oder den %1-Service: Werkstatt, Fahrzeug, Radio und beizulegender Eigentumsnachweis, mit Unterschrift des Eigentümers. Leere Felder bleiben zum Ausfüllen von Hand frei.</translation>
        </message>
        <message>
            <source>The workshop's details are not set yet: Database ▸ Workshop details.</source>
            <translation>Die Werkstattdaten sind noch nicht eingetragen: Datenbank ▸ Werkstattdaten.</translation>
        </message>
        <message>
            <source>From: %1.</source>
            <translation>Von: %1.</translation>
        </message>
        <message>
            <source>e.g. the Nissan dealer's name</source>
            <translation>z. B. Name des Nissan-Händlers</translation>
        </message>
        <message>
            <source>&amp;To:</source>
            <translation>&amp;An:</translation>
        </message>
        <message>
            <source>Radio:</source>
            <translation>Radio:</translation>
        </message>
        <message>
            <source>%1 · serial %2</source>
            <translation>%1 · Seriennummer %2</translation>
        </message>
        <message>
            <source>10 digits on the label, 7 6…</source>
            <translation>10 Ziffern auf dem Typenschild, 7 6…</translation>
        </message>
        <message>
            <source>&amp;Part number:</source>
            <translation>&amp;Teilenummer:</translation>
        </message>
        <message>
            <source>&amp;VIN:</source>
            <translation>&amp;FIN:</translation>
        </message>
        <message>
            <source>&amp;Registration:</source>
            <translation>&amp;Kennzeichen:</translation>
        </message>
        <message>
            <source>&amp;Owner:</source>
            <translation>&amp;Eigentümer:</translation>
        </message>
        <message>
            <source>&amp;Language of the letter:</source>
            <translation>&amp;Sprache des Schreibens:</translation>
        </message>
        <message>
            <source>&amp;Save as PDF…</source>
            <translation>Als &amp;PDF speichern…</translation>
        </message>
        <message>
            <source>&amp;Print…</source>
            <translation>&amp;Drucken…</translation>
        </message>
    </context>
    <context>
        <name>radiocode::gui::ResultPage</name>
        <message>
            <source>%1 · serial %2</source>
            <translation>%1 · Seriennummer %2</translation>
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
            <translation>Drücken, bis im Display erscheint</translation>
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
        <message>
            <source>%1 · part number %2 (agrees with the serial)</source>
            <translation>%1 · Teilenummer %2 (passt zur Seriennummer)</translation>
        </message>
        <message>
            <source>%1 · unchecked serial</source>
            <translation>%1 · ungeprüfte Seriennummer</translation>
        </message>
        <message>
            <source>Digit %1: %2</source>
            <translation>Ziffer %1: %2</translation>
        </message>
        <message>
            <source>Station button %1</source>
            <translation>Stationstaste %1</translation>
        </message>
        <message>
            <source>The code database is empty: no dealer code list has been imported yet, so no Blaupunkt or Becker code can be found.</source>
            <translation>Die Code-Datenbank ist leer: Es wurde noch keine Händler-Codeliste importiert, daher kann kein Blaupunkt- oder Becker-Code gefunden werden.</translation>
        </message>
        <message>
            <source>Import codes…</source>
            <translation>Codes importieren…</translation>
        </message>
        <message>
            <source>Both readings were looked up. Which does the label show as the 7th character? Only that reading is then looked up, and the job and the sheet say which it is.</source>
            <translation>Beide Lesarten wurden abgefragt. Was zeigt das Typenschild als 7. Zeichen? Dann wird nur diese Lesart abgefragt, und Auftrag und Anleitungsblatt nennen sie.</translation>
        </message>
        <message>
            <source>Which does the label show as the 7th character? The job and the sheet then say which reading it is.</source>
            <translation>Was zeigt das Typenschild als 7. Zeichen? Auftrag und Anleitungsblatt nennen dann die Lesart.</translation>
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
            <translation>%1-Seriennummer: %2. Geben Sie sie wie gedruckt ein, fügen Sie sie ein oder scannen Sie den Barcode des Typenschilds; jedes Zeichen wird schon beim Tippen geprüft.</translation>
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
        <message>
            <source>well formed: checked against the serial once the serial is complete.</source>
            <translation>korrekt aufgebaut: wird mit der Seriennummer abgeglichen, sobald diese vollständig ist.</translation>
        </message>
        <message>
            <source>Part n&amp;umber (optional):</source>
            <translation>Teilen&amp;ummer (optional):</translation>
        </message>
        <message>
            <source>Blaupunkt part number</source>
            <translation>Blaupunkt-Teilenummer</translation>
        </message>
        <message>
            <source>Which does the label show as the 7th character? Only that reading is then looked up.</source>
            <translation>Was zeigt das Typenschild als 7. Zeichen? Dann wird nur diese Lesart abgefragt.</translation>
        </message>
        <message>
            <source>Look up only %1</source>
            <translation>Nur %1 abfragen</translation>
        </message>
        <message>
            <source>Two different codes are on record, one for each reading: which does the label show?</source>
            <translation>Zwei verschiedene Codes sind hinterlegt, einer je Lesart: Was zeigt das Typenschild?</translation>
        </message>
    </context>
    <context>
        <name>radiocode::gui::StatusLine</name>
        <message>
            <source>Input state</source>
            <translation>Eingabestatus</translation>
        </message>
        <message>
            <source>Information</source>
            <translation>Information</translation>
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
    <context>
        <name>radiocode::gui::WebcamDialog</name>
        <message>
            <source>Read the serial with the webcam</source>
            <translation>Seriennummer mit der Webcam lesen</translation>
        </message>
        <message>
            <source>Hold the label still in front of the camera. A serial read off a picture can be misread: compare it with the label.</source>
            <translation>Halten Sie das Typenschild ruhig vor die Kamera. Eine aus einem Bild gelesene Seriennummer kann falsch gelesen sein: Vergleichen Sie sie mit dem Typenschild.</translation>
        </message>
        <message>
            <source>Try again</source>
            <translation>Erneut versuchen</translation>
        </message>
        <message>
            <source>Use this serial</source>
            <translation>Diese Seriennummer verwenden</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Schließen</translation>
        </message>
        <message>
            <source>No webcam found. Connect one and press Try again, or read the serial from a photo.</source>
            <translation>Keine Webcam gefunden. Schließen Sie eine an und drücken Sie „Erneut versuchen“, oder lesen Sie die Seriennummer aus einem Foto.</translation>
        </message>
        <message>
            <source>The webcam was disconnected. Connect it again and press Try again, or read the serial from a photo.</source>
            <translation>Die Webcam wurde getrennt. Schließen Sie sie wieder an und drücken Sie „Erneut versuchen“, oder lesen Sie die Seriennummer aus einem Foto.</translation>
        </message>
        <message>
            <source>The webcam stopped with an error. Press Try again, or read the serial from a photo.</source>
            <translation>Die Webcam wurde mit einem Fehler beendet. Drücken Sie „Erneut versuchen“, oder lesen Sie die Seriennummer aus einem Foto.</translation>
        </message>
        <message>
            <source>Read before it stopped: %1.</source>
            <translation>Vor dem Abbruch gelesen: %1.</translation>
        </message>
        <message numerus="yes">
            <source>Found %1 (the same in %n frames in a row). Check it against the label, then use it.</source>
            <translation>
                <numerusform>%1 gefunden (in %n Bild gleich gelesen). Prüfen Sie sie am Typenschild und verwenden Sie sie dann.</numerusform>
                <numerusform>%1 gefunden (in %n Bildern hintereinander gleich gelesen). Prüfen Sie sie am Typenschild und verwenden Sie sie dann.</numerusform>
            </translation>
        </message>
        <message>
            <source>Two different serials in view: show the camera one label only.</source>
            <translation>Zwei verschiedene Seriennummern im Bild: Zeigen Sie der Kamera nur ein Typenschild.</translation>
        </message>
        <message>
            <source>Reading… hold still.</source>
            <translation>Wird gelesen… bitte ruhig halten.</translation>
        </message>
        <message>
            <source>Looking for a serial…</source>
            <translation>Suche nach einer Seriennummer…</translation>
        </message>
        <message>
            <source>&amp;Keep this picture with the job</source>
            <translation>Dieses Bild zum Auftrag &amp;speichern</translation>
        </message>
        <message>
            <source>A small copy is saved with the job and printed on the sheet, so a refused code can be checked against the real label</source>
            <translation>Eine kleine Kopie wird zum Auftrag gespeichert und auf das Anleitungsblatt gedruckt, damit sich bei einem abgelehnten Code das echte Typenschild zum Vergleich heranziehen lässt</translation>
        </message>
    </context>
    <context>
        <name>radiocode::gui::WorkshopDialog</name>
        <message>
            <source>Workshop details</source>
            <translation>Werkstattdaten</translation>
        </message>
        <message>
            <source>phone, e-mail</source>
            <translation>Telefon, E-Mail</translation>
        </message>
        <message>
            <source>never</source>
            <translation>nie</translation>
        </message>
        <message>
            <source> days</source>
            <translation> Tage</translation>
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation>&amp;Name:</translation>
        </message>
        <message>
            <source>&amp;Address:</source>
            <translation>&amp;Adresse:</translation>
        </message>
        <message>
            <source>&amp;Contact:</source>
            <translation>&amp;Kontakt:</translation>
        </message>
        <message>
            <source>&amp;Remind about code requests after:</source>
            <translation>An Code-Anfragen &amp;erinnern nach:</translation>
        </message>
        <message>
            <source>The name is printed on every instruction sheet; name, address and contact head every code request.</source>
            <translation>Der Name wird auf jedes Anleitungsblatt gedruckt; Name, Adresse und Kontakt stehen im Kopf jeder Code-Anfrage.</translation>
        </message>
    </context>
</TS>
