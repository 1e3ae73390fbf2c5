<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en">
    <context>
        <name>Accessibility</name>
        <message>
            <source>Clear</source>
            <translation>Clear</translation>
        </message>
        <message>
            <source>Empties the field</source>
            <translation>Empties the field</translation>
        </message>
        <message>
            <source>Drawing of the %1 label</source>
            <translation>Drawing of the %1 label</translation>
        </message>
        <message>
            <source>The precode is highlighted in orange twice: as the last 4 characters of the small text under the long barcode (…RTBT019), and large at the bottom left (T019). Holding buttons 1 and 6 shows it on the display.</source>
            <translation>The precode is highlighted in orange twice: as the last 4 characters of the small text under the long barcode (…RTBT019), and large at the bottom left (T019). Holding buttons 1 and 6 shows it on the display.</translation>
        </message>
        <message>
            <source>Two fields are highlighted in orange: Model No (BE and 4 digits, for example BE 4757) and, below it, Serial No (8 digits, for example 35000375). Enter BE, the model digits and the serial digits: BE475735000375.</source>
            <translation>Two fields are highlighted in orange: Model No (BE and 4 digits, for example BE 4757) and, below it, Serial No (8 digits, for example 35000375). Enter BE, the model digits and the serial digits: BE475735000375.</translation>
        </message>
        <message>
            <source>The serial, M and 6 digits (for example M123456), is highlighted in orange at the top right, under the word SERIAL. Some units show it on the display while buttons 1 and 6 are held.</source>
            <translation>The serial, M and 6 digits (for example M123456), is highlighted in orange at the top right, under the word SERIAL. Some units show it on the display while buttons 1 and 6 are held.</translation>
        </message>
        <message>
            <source>Code %1</source>
            <translation>Code %1</translation>
        </message>
        <message>
            <source>The serial, BP and 12 characters (for example BP53876 9672026), is highlighted in orange at the bottom left, under the barcode and a 17-character line starting 815CM. The part number, 10 digits starting 7 6, is at the top right.</source>
            <translation>The serial, BP and 12 characters (for example BP53876 9672026), is highlighted in orange at the bottom left, under the barcode and a 17-character line starting 815CM. The part number, 10 digits starting 7 6, is at the top right.</translation>
        </message>
    </context>
    <context>
        <name>CupsPrinting</name>
        <message>
            <source>The print system (CUPS) cannot be reached at %1. Check that the CUPS service is running.</source>
            <translation>The print system (CUPS) cannot be reached at %1. Check that the CUPS service is running.</translation>
        </message>
        <message>
            <source>%1 ("%2")</source>
            <translation>%1 ("%2")</translation>
        </message>
        <message>
            <source>There is no printer named "%1": no printer is set up on this computer.</source>
            <translation>There is no printer named "%1": no printer is set up on this computer.</translation>
        </message>
        <message>
            <source>There is no printer named "%1". Printers: %2.</source>
            <translation>There is no printer named "%1". Printers: %2.</translation>
        </message>
        <message>
            <source>No printer is set up on this computer. Add one in the system's printer settings (or with lpadmin), then print again.</source>
            <translation>No printer is set up on this computer. Add one in the system's printer settings (or with lpadmin), then print again.</translation>
        </message>
        <message>
            <source>No default printer is set. Printers: %1. Choose one, or make one the default with "lpoptions -d NAME".</source>
            <translation>No default printer is set. Printers: %1. Choose one, or make one the default with "lpoptions -d NAME".</translation>
        </message>
        <message>
            <source>The printer %1 is stopped: a job would wait in its queue. Start it (cupsenable %1) or choose another printer.</source>
            <translation>The printer %1 is stopped: a job would wait in its queue. Start it (cupsenable %1) or choose another printer.</translation>
        </message>
        <message>
            <source>The printer %1 does not accept jobs. Let it accept them (cupsaccept %1) or choose another printer.</source>
            <translation>The printer %1 does not accept jobs. Let it accept them (cupsaccept %1) or choose another printer.</translation>
        </message>
        <message>
            <source>The printer %1 refused the job: %2</source>
            <translation>The printer %1 refused the job: %2</translation>
        </message>
        <message>
            <source>The document could not be sent to the printer %1: %2</source>
            <translation>The document could not be sent to the printer %1: %2</translation>
        </message>
    </context>
    <context>
        <name>Database</name>
        <message>
            <source>The SQLite driver for Qt is not installed (libqt6sql6-sqlite).</source>
            <translation>The SQLite driver for Qt is not installed (libqt6sql6-sqlite).</translation>
        </message>
        <message>
            <source>Cannot create the folder %1 for the database.</source>
            <translation>Cannot create the folder %1 for the database.</translation>
        </message>
        <message>
            <source>%1 is a folder: the database must be a file.</source>
            <translation>%1 is a folder: the database must be a file.</translation>
        </message>
        <message>
            <source>Cannot create the database file %1: %2</source>
            <translation>Cannot create the database file %1: %2</translation>
        </message>
        <message>
            <source>The database file %1 is read-only: ask for write access to it or choose another database.</source>
            <translation>The database file %1 is read-only: ask for write access to it or choose another database.</translation>
        </message>
        <message>
            <source>The folder %1 is read-only: SQLite needs to write its journal beside the database file.</source>
            <translation>The folder %1 is read-only: SQLite needs to write its journal beside the database file.</translation>
        </message>
        <message>
            <source>The PostgreSQL driver for Qt is not installed (libqt6sql6-psql).</source>
            <translation>The PostgreSQL driver for Qt is not installed (libqt6sql6-psql).</translation>
        </message>
        <message>
            <source>Cannot connect to the database %1: %2</source>
            <translation>Cannot connect to the database %1: %2</translation>
        </message>
        <message>
            <source>The database %1 was written by a newer version of this program (schema %2; this version knows up to schema %3). It was not changed: update the program to use it.</source>
            <translation>The database %1 was written by a newer version of this program (schema %2; this version knows up to schema %3). It was not changed: update the program to use it.</translation>
        </message>
        <message>
            <source>The database %1 holds other tables (%2) and is not a radiocode database: choose another one.</source>
            <translation>The database %1 holds other tables (%2) and is not a radiocode database: choose another one.</translation>
        </message>
        <message>
            <source>Updating the database to schema %1 failed, nothing was changed: %2</source>
            <translation>Updating the database to schema %1 failed, nothing was changed: %2</translation>
        </message>
        <message>
            <source>The database %1 is locked by another program that is writing to it. Try again in a moment, or close the other program.</source>
            <translation>The database %1 is locked by another program that is writing to it. Try again in a moment, or close the other program.</translation>
        </message>
        <message>
            <source>%1 is not a radiocode database, or it is damaged (%2). Choose another file; this one was not changed.</source>
            <translation>%1 is not a radiocode database, or it is damaged (%2). Choose another file; this one was not changed.</translation>
        </message>
        <message>
            <source>Cannot open the database file %1 (%2).</source>
            <translation>Cannot open the database file %1 (%2).</translation>
        </message>
        <message>
            <source>Lost the connection to the database %1: %2</source>
            <translation>Lost the connection to the database %1: %2</translation>
        </message>
        <message>
            <source>The database %1 reported an error: %2</source>
            <translation>The database %1 reported an error: %2</translation>
        </message>
        <message>
            <source>The file is UTF-16 text: save it as CSV in UTF-8 and import it again.</source>
            <translation>The file is UTF-16 text: save it as CSV in UTF-8 and import it again.</translation>
        </message>
        <message>
            <source>Line %1, the header, has a quote that is never closed.</source>
            <translation>Line %1, the header, has a quote that is never closed.</translation>
        </message>
        <message>
            <source>The file is empty: a code list starts with a header line naming the columns “serial” and “code”.</source>
            <translation>The file is empty: a code list starts with a header line naming the columns “serial” and “code”.</translation>
        </message>
        <message>
            <source>%1 is already stored with code %2 (%3); the file says %4: the stored code was kept.</source>
            <translation>%1 is already stored with code %2 (%3); the file says %4: the stored code was kept.</translation>
        </message>
        <message>
            <source>line %1 of this file</source>
            <translation>line %1 of this file</translation>
        </message>
        <message>
            <source>A quoted field is never closed (a " is missing): row skipped.</source>
            <translation>A quoted field is never closed (a " is missing): row skipped.</translation>
        </message>
        <message numerus="yes">
            <source>The row has %n column(s); the serial and the code need %1.</source>
            <translation>
                <numerusform>The row has %n column; the serial and the code need %1.</numerusform>
                <numerusform>The row has %n columns; the serial and the code need %1.</numerusform>
            </translation>
        </message>
        <message>
            <source>The serial is empty.</source>
            <translation>The serial is empty.</translation>
        </message>
        <message>
            <source>Serial “%1”: %2</source>
            <translation>Serial “%1”: %2</translation>
        </message>
        <message>
            <source>%1 is a %2 serial: its code is computed with the public algorithm, not stored.</source>
            <translation>%1 is a %2 serial: its code is computed with the public algorithm, not stored.</translation>
        </message>
        <message>
            <source>The code “%1” for %2 is not exactly 4 digits.</source>
            <translation>The code “%1” for %2 is not exactly 4 digits.</translation>
        </message>
        <message>
            <source>Cannot write the export: %1</source>
            <translation>Cannot write the export: %1</translation>
        </message>
        <message>
            <source>Job %1 does not exist.</source>
            <translation>Job %1 does not exist.</translation>
        </message>
        <message>
            <source>%1 The database needs updating to schema %2 first, which cannot be done while it cannot be written.</source>
            <translation>%1 The database needs updating to schema %2 first, which cannot be done while it cannot be written.</translation>
        </message>
        <message>
            <source>%1 Nothing can be saved until then; lookups still work.</source>
            <translation>%1 Nothing can be saved until then; lookups still work.</translation>
        </message>
        <message>
            <source>Lost the connection to the database %1 and cannot connect again. Check that the server is running and reachable, then try again.</source>
            <translation>Lost the connection to the database %1 and cannot connect again. Check that the server is running and reachable, then try again.</translation>
        </message>
        <message>
            <source>Lost the connection to the database %1 and cannot connect again (%2). Check that the server is running and reachable, then try again.</source>
            <translation>Lost the connection to the database %1 and cannot connect again (%2). Check that the server is running and reachable, then try again.</translation>
        </message>
        <message>
            <source>Writing the database file %1 failed: it reached the file size limit set for this program (%2). Nothing was saved; raise the limit (ulimit -f) or ask whoever set it, then try again.</source>
            <translation>Writing the database file %1 failed: it reached the file size limit set for this program (%2). Nothing was saved; raise the limit (ulimit -f) or ask whoever set it, then try again.</translation>
        </message>
        <message>
            <source>The disk holding the database file %1 is full: nothing was saved. Free some space, then try again.</source>
            <translation>The disk holding the database file %1 is full: nothing was saved. Free some space, then try again.</translation>
        </message>
        <message>
            <source>Reading or writing the database file %1 failed (%2): the disk may be full, the file may have hit a size limit, or the disk may be failing. Nothing was saved.</source>
            <translation>Reading or writing the database file %1 failed (%2): the disk may be full, the file may have hit a size limit, or the disk may be failing. Nothing was saved.</translation>
        </message>
        <message>
            <source>Lost the connection to the database %1. Check that the server is running and reachable, then try again.</source>
            <translation>Lost the connection to the database %1. Check that the server is running and reachable, then try again.</translation>
        </message>
        <message>
            <source>The database %1 reported an error it did not describe.</source>
            <translation>The database %1 reported an error it did not describe.</translation>
        </message>
        <message>
            <source>The database %1 is a radiocode database whose schema record is damaged (the table radiocode_meta or its schema_version row is missing). It was not changed: restore it from a backup, or choose another database.</source>
            <translation>The database %1 is a radiocode database whose schema record is damaged (the table radiocode_meta or its schema_version row is missing). It was not changed: restore it from a backup, or choose another database.</translation>
        </message>
        <message>
            <source>The database user %1 may not create tables in %2, and the code database needs its tables there. Ask the database's administrator to let this user create tables (GRANT CREATE ON SCHEMA public), or to open it once as its owner.</source>
            <translation>The database user %1 may not create tables in %2, and the code database needs its tables there. Ask the database's administrator to let this user create tables (GRANT CREATE ON SCHEMA public), or to open it once as its owner.</translation>
        </message>
        <message>
            <source>The code database %1 is busy: saving waited %2 s for another program that holds its tables (an import, a backup, a long query) and gave up. Nothing was saved; try again when the other program has finished.</source>
            <translation>The code database %1 is busy: saving waited %2 s for another program that holds its tables (an import, a backup, a long query) and gave up. Nothing was saved; try again when the other program has finished.</translation>
        </message>
        <message>
            <source>The code database %1 is busy: it did not answer within %2 s, because another program holds its tables (an import, a backup, a long query). The code may be on record: try again in a moment.</source>
            <translation>The code database %1 is busy: it did not answer within %2 s, because another program holds its tables (an import, a backup, a long query). The code may be on record: try again in a moment.</translation>
        </message>
        <message>
            <source>Line %1, the header, is longer than %2 bytes (it starts “%3”): this is not a code list.</source>
            <translation>Line %1, the header, is longer than %2 bytes (it starts “%3”): this is not a code list.</translation>
        </message>
        <message>
            <source>Reading the file failed: %1</source>
            <translation>Reading the file failed: %1</translation>
        </message>
        <message>
            <source>Nothing from %1 was saved. %2</source>
            <translation>Nothing from %1 was saved. %2</translation>
        </message>
        <message>
            <source>The row is %1 bytes long, more than a code list's row can be (it starts “%2”): row skipped.</source>
            <translation>The row is %1 bytes long, more than a code list's row can be (it starts “%2”): row skipped.</translation>
        </message>
        <message>
            <source>The code “%1” for %2 looks like %3 with its leading zero lost by a spreadsheet: row skipped. Check the list, or import it again with leading zeros restored.</source>
            <translation>The code “%1” for %2 looks like %3 with its leading zero lost by a spreadsheet: row skipped. Check the list, or import it again with leading zeros restored.</translation>
        </message>
        <message>
            <source>The code “%1” for %2 looks like %3 with its leading zeros lost by a spreadsheet: row skipped. Check the list, or import it again with leading zeros restored.</source>
            <translation>The code “%1” for %2 looks like %3 with its leading zeros lost by a spreadsheet: row skipped. Check the list, or import it again with leading zeros restored.</translation>
        </message>
        <message>
            <source>Reading the file failed: %1.</source>
            <translation>Reading the file failed: %1.</translation>
        </message>
        <message>
            <source>The radio accepted %1 from the radio card, but the code database holds %2 for %3 (%4): the stored code was kept. Check which is right and correct it with “radiocode db add … --replace”.</source>
            <translation>The radio accepted %1 from the radio card, but the code database holds %2 for %3 (%4): the stored code was kept. Check which is right and correct it with “radiocode db add … --replace”.</translation>
        </message>
        <message>
            <source>Job %1 is not for a Blaupunkt or Becker radio: its code comes from the public algorithm.</source>
            <translation>Job %1 is not for a Blaupunkt or Becker radio: its code comes from the public algorithm.</translation>
        </message>
        <message>
            <source>The label photo could not be read or saved: %1</source>
            <translation>The label photo could not be read or saved: %1</translation>
        </message>
        <message>
            <source>The label photo is empty or larger than %1 MB: it was not kept with the job.</source>
            <translation>The label photo is empty or larger than %1 MB: it was not kept with the job.</translation>
        </message>
        <message>
            <source>Lost the connection to the database %1; connecting again. Try again in a moment.</source>
            <translation>Lost the connection to the database %1; connecting again. Try again in a moment.</translation>
        </message>
    </context>
    <context>
        <name>DatabaseUrl</name>
        <message>
            <source>Use sqlite:/path/file.db or postgresql://user[:password]@host[:port]/dbname.</source>
            <translation>Use sqlite:/path/file.db or postgresql://user[:password]@host[:port]/dbname.</translation>
        </message>
        <message>
            <source>“%1” is not a database URL: %2 %3</source>
            <translation>“%1” is not a database URL: %2 %3</translation>
        </message>
        <message>
            <source>it is empty.</source>
            <translation>it is empty.</translation>
        </message>
        <message>
            <source>it does not start with sqlite: or postgresql://.</source>
            <translation>it does not start with sqlite: or postgresql://.</translation>
        </message>
        <message>
            <source>the file name is missing.</source>
            <translation>the file name is missing.</translation>
        </message>
        <message>
            <source>“%1” is a folder, not a file.</source>
            <translation>“%1” is a folder, not a file.</translation>
        </message>
        <message>
            <source>“%1” is not a known kind of database.</source>
            <translation>“%1” is not a known kind of database.</translation>
        </message>
        <message>
            <source>postgresql: must be followed by //.</source>
            <translation>postgresql: must be followed by //.</translation>
        </message>
        <message>
            <source>the user name is missing (user@host).</source>
            <translation>the user name is missing (user@host).</translation>
        </message>
        <message>
            <source>the server name is missing.</source>
            <translation>the server name is missing.</translation>
        </message>
        <message>
            <source>the port must be a number from 1 to 65535.</source>
            <translation>the port must be a number from 1 to 65535.</translation>
        </message>
        <message>
            <source>the database name is missing (…/dbname).</source>
            <translation>the database name is missing (…/dbname).</translation>
        </message>
        <message>
            <source>the option “%1” contains a semicolon.</source>
            <translation>the option “%1” contains a semicolon.</translation>
        </message>
        <message>
            <source>it holds more than one @: an @ in the user name or password must be written as %1.</source>
            <translation>it holds more than one @: an @ in the user name or password must be written as %1.</translation>
        </message>
        <message>
            <source>the port “%1” is not a number from 1 to 65535.</source>
            <translation>the port “%1” is not a number from 1 to 65535.</translation>
        </message>
        <message>
            <source>the user name or password holds “%1”, which must be written with %-escapes (for example %2 for /).</source>
            <translation>the user name or password holds “%1”, which must be written with %-escapes (for example %2 for /).</translation>
        </message>
        <message>
            <source>it is not written correctly (check the server name and any %-escapes).</source>
            <translation>it is not written correctly (check the server name and any %-escapes).</translation>
        </message>
    </context>
    <context>
        <name>InstructionSheet</name>
        <message>
            <source>Page %1</source>
            <translation>Page %1</translation>
        </message>
        <message>
            <source>Workshop: ______________</source>
            <translation>Workshop: ______________</translation>
        </message>
        <message>
            <source>Job</source>
            <translation>Job</translation>
        </message>
        <message>
            <source>Customer</source>
            <translation>Customer</translation>
        </message>
        <message>
            <source>Registration</source>
            <translation>Registration</translation>
        </message>
        <message>
            <source>VIN</source>
            <translation>VIN</translation>
        </message>
        <message>
            <source>Technician</source>
            <translation>Technician</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>Notes</translation>
        </message>
        <message>
            <source>Radio and code</source>
            <translation>Radio and code</translation>
        </message>
        <message>
            <source>Radio</source>
            <translation>Radio</translation>
        </message>
        <message>
            <source>Serial</source>
            <translation>Serial</translation>
        </message>
        <message>
            <source>Source: %1</source>
            <translation>Source: %1</translation>
        </message>
        <message>
            <source>No code could be given: %1 Write it in the boxes once it is known.</source>
            <translation>No code could be given: %1 Write it in the boxes once it is known.</translation>
        </message>
        <message>
            <source>Where the serial is on the label</source>
            <translation>Where the serial is on the label</translation>
        </message>
        <message>
            <source>Enter the code on the radio</source>
            <translation>Enter the code on the radio</translation>
        </message>
        <message>
            <source>Cautions</source>
            <translation>Cautions</translation>
        </message>
        <message>
            <source>What to do next</source>
            <translation>What to do next</translation>
        </message>
        <message>
            <source>If the radio refuses the code</source>
            <translation>If the radio refuses the code</translation>
        </message>
        <message>
            <source>Radio code instruction sheet</source>
            <translation>Radio code instruction sheet</translation>
        </message>
        <message>
            <source>Cannot write %1: %2</source>
            <translation>Cannot write %1: %2</translation>
        </message>
        <message>
            <source>The sheet could not be drawn.</source>
            <translation>The sheet could not be drawn.</translation>
        </message>
        <message>
            <source>← SERIAL</source>
            <extracomment>Drawing of a Blaupunkt label; the arrow points at the serial. Keep it short.</extracomment>
            <translation>← SERIAL</translation>
        </message>
        <message>
            <source>last 4 characters</source>
            <extracomment>Drawing of a Renault label: the precode is the end of the barcode text.</extracomment>
            <translation>last 4 characters</translation>
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
            <translation>or hold buttons 1 + 6
to show it on the display</translation>
        </message>
        <message>
            <source>← model: 4 digits</source>
            <extracomment>Drawing of a Becker label; the arrow points at the Model No. Short; a line break may put what does not fit on a second line.</extracomment>
            <translation>← model: 4 digits</translation>
        </message>
        <message>
            <source>← serial: 8 digits</source>
            <extracomment>Drawing of a Becker label; the arrow points at the Serial No. Short; a line break may put what does not fit on a second line.</extracomment>
            <translation>← serial: 8 digits</translation>
        </message>
        <message>
            <source>Enter: BE + model + serial → %1</source>
            <extracomment>Drawing of a Becker label: what to type. %1 is the example serial.</extracomment>
            <translation>Enter: BE + model + serial → %1</translation>
        </message>
        <message>
            <source>SERIAL</source>
            <extracomment>Drawing of a Visteon label, above the highlighted serial. Keep it short.</extracomment>
            <translation>SERIAL</translation>
        </message>
        <message>
            <source>M + 6 digits. Some units show it on the
display while buttons 1 and 6 are held.</source>
            <extracomment>Drawing of a Visteon label, two lines (split at the line break).</extracomment>
            <translation>M + 6 digits. Some units show it on the
display while buttons 1 and 6 are held.</translation>
        </message>
        <message>
            <source>Radio code card</source>
            <translation>Radio code card</translation>
        </message>
        <message>
            <source>Nissan radio code</source>
            <translation>Nissan radio code</translation>
        </message>
        <message>
            <source>Workshop</source>
            <translation>Workshop</translation>
        </message>
        <message>
            <source>Part number</source>
            <translation>Part number</translation>
        </message>
        <message>
            <source>%1 (agrees with the serial)</source>
            <translation>%1 (agrees with the serial)</translation>
        </message>
        <message>
            <source>Unchecked serial: no rule knows this label form.</source>
            <translation>Unchecked serial: no rule knows this label form.</translation>
        </message>
        <message>
            <source>Press station button %1 until digit %1 of the code shows on the display.</source>
            <translation>Press station button %1 until digit %1 of the code shows on the display.</translation>
        </message>
        <message>
            <source>PART NO. →</source>
            <extracomment>Drawing of a Blaupunkt label; the arrow points at the part number. Very short.</extracomment>
            <translation>PART NO. →</translation>
        </message>
        <message>
            <source>%1 · Code %2</source>
            <translation>%1 · Code %2</translation>
        </message>
        <message>
            <source>%1 · no code yet</source>
            <translation>%1 · no code yet</translation>
        </message>
        <message>
            <source>The sheet could not be written: %1</source>
            <translation>The sheet could not be written: %1</translation>
        </message>
        <message>
            <source>BP + 12 characters
7th: digit or letter</source>
            <extracomment>Drawing of a Blaupunkt label, under "← SERIAL", two short lines (split at the line break).</extracomment>
            <translation>BP + 12 characters
7th: digit or letter</translation>
        </message>
        <message>
            <source>Label photo</source>
            <translation>Label photo</translation>
        </message>
        <message>
            <source>Taken %1</source>
            <translation>Taken %1</translation>
        </message>
        <message>
            <source>Serial read off it: %1</source>
            <translation>Serial read off it: %1</translation>
        </message>
    </context>
    <context>
        <name>RequestLetter</name>
        <message>
            <source>A Blaupunkt part number has 10 digits starting with 7 6 (“7 645 384 318”); “%1” is not one.</source>
            <translation>A Blaupunkt part number has 10 digits starting with 7 6 (“7 645 384 318”); “%1” is not one.</translation>
        </message>
        <message>
            <source>The part number %1 does not belong to the serial %2: its 4th to 7th digits (%3) must be the serial's 3rd to 6th characters (%4). One of them was misread: check the label.</source>
            <translation>The part number %1 does not belong to the serial %2: its 4th to 7th digits (%3) must be the serial's 3rd to 6th characters (%4). One of them was misread: check the label.</translation>
        </message>
        <message>
            <source>Request for a radio security code</source>
            <translation>Request for a radio security code</translation>
        </message>
        <message>
            <source>Cannot write %1: %2</source>
            <translation>Cannot write %1: %2</translation>
        </message>
        <message>
            <source>The request could not be drawn.</source>
            <translation>The request could not be drawn.</translation>
        </message>
        <message>
            <source>Workshop: %1</source>
            <translation>Workshop: %1</translation>
        </message>
        <message>
            <source>Address: %1</source>
            <translation>Address: %1</translation>
        </message>
        <message>
            <source>Contact: %1</source>
            <translation>Contact: %1</translation>
        </message>
        <message>
            <source>To:</source>
            <translation>To:</translation>
        </message>
        <message>
            <source>Date:</source>
            <translation>Date:</translation>
        </message>
        <message>
            <source>Our reference:</source>
            <translation>Our reference:</translation>
        </message>
        <message>
            <source>The radio of the vehicle below asks for its security code and no code is on record for it. Please send us the code for this radio. The owner has signed below, and the proof of ownership ticked below is enclosed.</source>
            <translation>The radio of the vehicle below asks for its security code and no code is on record for it. Please send us the code for this radio. The owner has signed below, and the proof of ownership ticked below is enclosed.</translation>
        </message>
        <message>
            <source>Vehicle</source>
            <translation>Vehicle</translation>
        </message>
        <message>
            <source>Make:</source>
            <translation>Make:</translation>
        </message>
        <message>
            <source>VIN (chassis number):</source>
            <translation>VIN (chassis number):</translation>
        </message>
        <message>
            <source>Registration:</source>
            <translation>Registration:</translation>
        </message>
        <message>
            <source>Owner:</source>
            <translation>Owner:</translation>
        </message>
        <message>
            <source>Radio</source>
            <translation>Radio</translation>
        </message>
        <message>
            <source>Brand:</source>
            <translation>Brand:</translation>
        </message>
        <message>
            <source>Serial number:</source>
            <translation>Serial number:</translation>
        </message>
        <message>
            <source>Part number (7 6…):</source>
            <translation>Part number (7 6…):</translation>
        </message>
        <message>
            <source>Part number:</source>
            <translation>Part number:</translation>
        </message>
        <message>
            <source>Photo of the radio's label:</source>
            <translation>Photo of the radio's label:</translation>
        </message>
        <message>
            <source>Proof of ownership enclosed</source>
            <translation>Proof of ownership enclosed</translation>
        </message>
        <message>
            <source>Vehicle registration document (copy)</source>
            <translation>Vehicle registration document (copy)</translation>
        </message>
        <message>
            <source>Owner's identity document (copy)</source>
            <translation>Owner's identity document (copy)</translation>
        </message>
        <message>
            <source>Purchase invoice for the vehicle or the radio (copy)</source>
            <translation>Purchase invoice for the vehicle or the radio (copy)</translation>
        </message>
        <message>
            <source>Owner's declaration</source>
            <translation>Owner's declaration</translation>
        </message>
        <message>
            <source>I confirm that I own this vehicle and its radio, and I ask for the radio's security code to be given to the workshop named above.</source>
            <translation>I confirm that I own this vehicle and its radio, and I ask for the radio's security code to be given to the workshop named above.</translation>
        </message>
        <message>
            <source>Owner's name:</source>
            <translation>Owner's name:</translation>
        </message>
        <message>
            <source>Owner's signature:</source>
            <translation>Owner's signature:</translation>
        </message>
        <message>
            <source>Place and date:</source>
            <translation>Place and date:</translation>
        </message>
        <message>
            <source>Workshop's stamp and signature:</source>
            <translation>Workshop's stamp and signature:</translation>
        </message>
    </context>
    <context>
        <name>SheetPrinting</name>
        <message>
            <source>Print the code card</source>
            <translation>Print the code card</translation>
        </message>
        <message>
            <source>Print the instruction sheet</source>
            <translation>Print the instruction sheet</translation>
        </message>
        <message>
            <source>Cannot write %1: %2</source>
            <translation>Cannot write %1: %2</translation>
        </message>
    </context>
    <context>
        <name>StorageTexts</name>
        <message>
            <source>Worked</source>
            <translation>Worked</translation>
        </message>
        <message>
            <source>Refused</source>
            <translation>Refused</translation>
        </message>
        <message>
            <source>Not tried</source>
            <translation>Not tried</translation>
        </message>
        <message numerus="yes">
            <source>A code was refused %n time(s) for this serial: the radio is probably locked. Leave the radio switched on and wait about an hour (%1 minutes) until it accepts a code again, then check the serial on the label before the next try.</source>
            <translation>
                <numerusform>A code was refused %n time for this serial: the radio is probably locked. Leave the radio switched on and wait about an hour (%1 minutes) until it accepts a code again, then check the serial on the label before the next try.</numerusform>
                <numerusform>A code was refused %n times for this serial: the radio is probably locked. Leave the radio switched on and wait about an hour (%1 minutes) until it accepts a code again, then check the serial on the label before the next try.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>A code was refused %n time(s) for this serial before. Check the serial on the label again before trying: after %1 wrong codes the radio locks for about an hour.</source>
            <translation>
                <numerusform>A code was refused %n time for this serial before. Check the serial on the label again before trying: after %1 wrong codes the radio locks for about an hour.</numerusform>
                <numerusform>A code was refused %n times for this serial before. Check the serial on the label again before trying: after %1 wrong codes the radio locks for about an hour.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n imported</source>
            <translation>
                <numerusform>%n imported</numerusform>
                <numerusform>%n imported</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n duplicate(s)</source>
            <translation>
                <numerusform>%n duplicate</numerusform>
                <numerusform>%n duplicates</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n skipped</source>
            <translation>
                <numerusform>%n skipped</numerusform>
                <numerusform>%n skipped</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n conflict(s)</source>
            <translation>
                <numerusform>%n conflict</numerusform>
                <numerusform>%n conflicts</numerusform>
            </translation>
        </message>
        <message>
            <source>Dry run, nothing saved: %1</source>
            <translation>Dry run, nothing saved: %1</translation>
        </message>
        <message numerus="yes">
            <source>Reminder: %n code request(s) waiting longer than %1 days for an answer: ask again.</source>
            <translation>
                <numerusform>Reminder: %n code request waiting longer than %1 days for an answer: ask again.</numerusform>
                <numerusform>Reminder: %n code requests waiting longer than %1 days for an answer: ask again.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Waiting %n day(s), asked on %1</source>
            <translation>
                <numerusform>Waiting %n day, asked on %1</numerusform>
                <numerusform>Waiting %n days, asked on %1</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Waiting %n day(s), asked of %1 on %2</source>
            <translation>
                <numerusform>Waiting %n day, asked of %1 on %2</numerusform>
                <numerusform>Waiting %n days, asked of %1 on %2</numerusform>
            </translation>
        </message>
        <message>
            <source>Line %1 must name the columns: a code list needs a serial column (“serial”, “Serial No”, “Seriennummer”, “Seri No”, “Numéro de série”) and a code column (“code”, “Radio Code”, “Kod”, “Code radio”); found: %2.</source>
            <translation>Line %1 must name the columns: a code list needs a serial column (“serial”, “Serial No”, “Seriennummer”, “Seri No”, “Numéro de série”) and a code column (“code”, “Radio Code”, “Kod”, “Code radio”); found: %2.</translation>
        </message>
        <message>
            <source>Line %1 has no column “%2” (found: %3). Give a column's name or its number, counting from 1.</source>
            <translation>Line %1 has no column “%2” (found: %3). Give a column's name or its number, counting from 1.</translation>
        </message>
        <message>
            <source>Line %1 names the column “%2” twice: which one is meant cannot be told. Rename one of them, or choose the columns by number.</source>
            <translation>Line %1 names the column “%2” twice: which one is meant cannot be told. Rename one of them, or choose the columns by number.</translation>
        </message>
        <message>
            <source>Line %1 has several columns that could be meant (%2): which one holds the serial or the code cannot be told.</source>
            <translation>Line %1 has several columns that could be meant (%2): which one holds the serial or the code cannot be told.</translation>
        </message>
        <message>
            <source>The serial and the code cannot both be the column “%1”.</source>
            <translation>The serial and the code cannot both be the column “%1”.</translation>
        </message>
        <message>
            <source>Waiting for code since %1</source>
            <translation>Waiting for code since %1</translation>
        </message>
        <message>
            <source>Waiting for code since %1 (asked %2)</source>
            <translation>Waiting for code since %1 (asked %2)</translation>
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
            <translation>in %1, character %2</translation>
        </message>
        <message>
            <source>at character %1</source>
            <translation>at character %1</translation>
        </message>
        <message>
            <source>1 letter + 3 digits (precode)</source>
            <translation>1 letter + 3 digits (precode)</translation>
        </message>
        <message>
            <source>BE + 4-digit model + 8-digit serial</source>
            <translation>BE + 4-digit model + 8-digit serial</translation>
        </message>
        <message>
            <source>M + 6 digits</source>
            <translation>M + 6 digits</translation>
        </message>
        <message>
            <source>Public algorithm</source>
            <translation>Public algorithm</translation>
        </message>
        <message>
            <source>Code database</source>
            <translation>Code database</translation>
        </message>
        <message>
            <source>Incomplete</source>
            <translation>Incomplete</translation>
        </message>
        <message>
            <source>Valid</source>
            <translation>Valid</translation>
        </message>
        <message>
            <source>Invalid</source>
            <translation>Invalid</translation>
        </message>
        <message>
            <source>Not supported</source>
            <translation>Not supported</translation>
        </message>
        <message>
            <source>Code found</source>
            <translation>Code found</translation>
        </message>
        <message>
            <source>Invalid serial</source>
            <translation>Invalid serial</translation>
        </message>
        <message>
            <source>Radio not supported</source>
            <translation>Radio not supported</translation>
        </message>
        <message>
            <source>No code on record</source>
            <translation>No code on record</translation>
        </message>
        <message>
            <source>Type, paste or scan the serial from the radio's label.</source>
            <translation>Type, paste or scan the serial from the radio's label.</translation>
        </message>
        <message numerus="yes">
            <source>Too short: %n more digit(s) needed.</source>
            <translation>
                <numerusform>Too short: %n more digit needed.</numerusform>
                <numerusform>Too short: %n more digits needed.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Too short: %n more character(s) needed.</source>
            <translation>
                <numerusform>Too short: %n more character needed.</numerusform>
                <numerusform>Too short: %n more characters needed.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n more digit(s).</source>
            <translation>
                <numerusform>%n more digit.</numerusform>
                <numerusform>%n more digits.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n more character(s).</source>
            <translation>
                <numerusform>%n more character.</numerusform>
                <numerusform>%n more characters.</numerusform>
            </translation>
        </message>
        <message>
            <source>Keep typing: BP… is Blaupunkt, BE… is Becker, a letter and 3 digits is a Renault precode.</source>
            <translation>Keep typing: BP… is Blaupunkt, BE… is Becker, a letter and 3 digits is a Renault precode.</translation>
        </message>
        <message>
            <source>%1 could be a Renault precode or the start of a Visteon serial (M + 6 digits): keep typing or choose the radio family.</source>
            <translation>%1 could be a Renault precode or the start of a Visteon serial (M + 6 digits): keep typing or choose the radio family.</translation>
        </message>
        <message>
            <source>Not a serial of a known radio: %1 %2 cannot start one. Blaupunkt serials start with BP, Becker with BE, Visteon with M, Renault precodes with a letter.</source>
            <translation>Not a serial of a known radio: %1 %2 cannot start one. Blaupunkt serials start with BP, Becker with BE, Visteon with M, Renault precodes with a letter.</translation>
        </message>
        <message>
            <source>This radio's serial starts with %1: %2 %3 does not fit.</source>
            <translation>This radio's serial starts with %1: %2 %3 does not fit.</translation>
        </message>
        <message>
            <source>This looks like a %1 serial, not this family's: choose %1 instead.</source>
            <translation>This looks like a %1 serial, not this family's: choose %1 instead.</translation>
        </message>
        <message>
            <source>A letter is needed %1, not %2.</source>
            <translation>A letter is needed %1, not %2.</translation>
        </message>
        <message>
            <source>Only digits belong here: %1 %2.</source>
            <translation>Only digits belong here: %1 %2.</translation>
        </message>
        <message>
            <source>The letter %1 %2 stands where a digit belongs: labels are easily misread (O and 0, I and 1, S and 5, B and 8).</source>
            <translation>The letter %1 %2 stands where a digit belongs: labels are easily misread (O and 0, I and 1, S and 5, B and 8).</translation>
        </message>
        <message>
            <source>%1 %2 is not a Latin letter (another keyboard layout?): serials use Latin letters only.</source>
            <translation>%1 %2 is not a Latin letter (another keyboard layout?): serials use Latin letters only.</translation>
        </message>
        <message>
            <source>The input holds an invisible control character %1: type the serial again.</source>
            <translation>The input holds an invisible control character %1: type the serial again.</translation>
        </message>
        <message>
            <source>The input holds an invisible text-direction mark %1: it changes how the serial is displayed.</source>
            <translation>The input holds an invisible text-direction mark %1: it changes how the serial is displayed.</translation>
        </message>
        <message>
            <source>The input is not readable text (bad bytes at byte %1): type the serial again.</source>
            <translation>The input is not readable text (bad bytes at byte %1): type the serial again.</translation>
        </message>
        <message>
            <source>Too long: this serial has %1 characters, %2 were given. Check for an extra character %3.</source>
            <translation>Too long: this serial has %1 characters, %2 were given. Check for an extra character %3.</translation>
        </message>
        <message>
            <source>The input is far too long (%1 bytes) to be a radio serial: at most %2.</source>
            <translation>The input is far too long (%1 bytes) to be a radio serial: at most %2.</translation>
        </message>
        <message>
            <source>A000 to A099 are not precodes: check the label again (the precode is the last four characters of the barcode text).</source>
            <translation>A000 to A099 are not precodes: check the label again (the precode is the last four characters of the barcode text).</translation>
        </message>
        <message>
            <source>Becker model %1 was not fitted to Nissan vehicles: only BE4739 and BE4757 are covered.</source>
            <translation>Becker model %1 was not fitted to Nissan vehicles: only BE4739 and BE4757 are covered.</translation>
        </message>
        <message>
            <source>Did you mean %1?</source>
            <translation>Did you mean %1?</translation>
        </message>
        <message>
            <source>Confirm with the button the vehicle handbook names: it varies on these units.</source>
            <translation>Confirm with the button the vehicle handbook names: it varies on these units.</translation>
        </message>
        <message>
            <source>Each wrong code costs an attempt: after %1 wrong entries most units lock for about %2 minutes, and repeated lock-outs can lock the radio for good.</source>
            <translation>Each wrong code costs an attempt: after %1 wrong entries most units lock for about %2 minutes, and repeated lock-outs can lock the radio for good.</translation>
        </message>
        <message>
            <source>The confirm button varies by model: check the vehicle handbook.</source>
            <translation>The confirm button varies by model: check the vehicle handbook.</translation>
        </message>
        <message>
            <source>If the display shows WAIT or counts down, leave the radio switched on and wait until it asks for the code again.</source>
            <translation>If the display shows WAIT or counts down, leave the radio switched on and wait until it asks for the code again.</translation>
        </message>
        <message>
            <source>Look for the radio card first</source>
            <translation>Look for the radio card first</translation>
        </message>
        <message>
            <source>Wrong serial</source>
            <translation>Wrong serial</translation>
        </message>
        <message>
            <source>Changed radio</source>
            <translation>Changed radio</translation>
        </message>
        <message>
            <source>Memory reprogrammed</source>
            <translation>Memory reprogrammed</translation>
        </message>
        <message>
            <source>The owner's radio card ("Radio Pass", "Safety-Nr" or PIN) may already hold the code for this serial.</source>
            <translation>The owner's radio card ("Radio Pass", "Safety-Nr" or PIN) may already hold the code for this serial.</translation>
        </message>
        <message>
            <source>The usual cause: O and 0, I and 1 mixed up, or a missing character. Read the label again.</source>
            <translation>The usual cause: O and 0, I and 1 mixed up, or a missing character. Read the label again.</translation>
        </message>
        <message>
            <source>A previous owner may have swapped the radio: a code card or dealer record for the car then belongs to another unit.</source>
            <translation>A previous owner may have swapped the radio: a code card or dealer record for the car then belongs to another unit.</translation>
        </message>
        <message>
            <source>Rarely, the unit's memory was reprogrammed in a repair: no code or button sequence helps then, the unit needs bench work.</source>
            <translation>Rarely, the unit's memory was reprogrammed in a repair: no code or button sequence helps then, the unit needs bench work.</translation>
        </message>
        <message>
            <source>Computed with the public Renault precode algorithm.</source>
            <translation>Computed with the public Renault precode algorithm.</translation>
        </message>
        <message>
            <source>Computed with the public Visteon M-serial algorithm.</source>
            <translation>Computed with the public Visteon M-serial algorithm.</translation>
        </message>
        <message>
            <source>From the code database, imported from %1.</source>
            <translation>From the code database, imported from %1.</translation>
        </message>
        <message>
            <source>From the code database, confirmed on a radio by %1.</source>
            <translation>From the code database, confirmed on a radio by %1.</translation>
        </message>
        <message>
            <source>No public algorithm exists for %1 radios, and the code database holds no code for this serial.</source>
            <translation>No public algorithm exists for %1 radios, and the code database holds no code for this serial.</translation>
        </message>
        <message>
            <source>Read the serial on the label again, character by character.</source>
            <translation>Read the serial on the label again, character by character.</translation>
        </message>
        <message>
            <source>Ask the radio maker's service or a dealer for this unit's code.</source>
            <translation>Ask the radio maker's service or a dealer for this unit's code.</translation>
        </message>
        <message>
            <source>Look for the owner's radio card.</source>
            <translation>Look for the owner's radio card.</translation>
        </message>
        <message>
            <source>Look for the owner's radio card ("Radio Pass", "Safety-Nr" or PIN).</source>
            <translation>Look for the owner's radio card ("Radio Pass", "Safety-Nr" or PIN).</translation>
        </message>
        <message>
            <source>Ask a Nissan dealer for the code: they need the serial and the vehicle's VIN.</source>
            <translation>Ask a Nissan dealer for the code: they need the serial and the vehicle's VIN.</translation>
        </message>
        <message>
            <source>Once the code is known and has worked, record it in the code database.</source>
            <translation>Once the code is known and has worked, record it in the code database.</translation>
        </message>
        <message>
            <source>%1 is a Renault precode or the start of a Visteon serial cut short: choose the radio family (Renault, or Visteon with all 6 digits).</source>
            <translation>%1 is a Renault precode or the start of a Visteon serial cut short: choose the radio family (Renault, or Visteon with all 6 digits).</translation>
        </message>
        <message>
            <source>No serial given: the input is empty.</source>
            <translation>No serial given: the input is empty.</translation>
        </message>
        <message>
            <source>No public algorithm exists for %1 radios, and no code database could be consulted (none is set up, or it cannot be reached).</source>
            <translation>No public algorithm exists for %1 radios, and no code database could be consulted (none is set up, or it cannot be reached).</translation>
        </message>
        <message>
            <source>No public algorithm exists for these radios: the code comes from the code database.</source>
            <translation>No public algorithm exists for these radios: the code comes from the code database.</translation>
        </message>
        <message>
            <source>The precode is one letter and three digits (for example T019).</source>
            <translation>The precode is one letter and three digits (for example T019).</translation>
        </message>
        <message>
            <source>It is printed in small type beside or below a long barcode: the last four characters of the barcode text are the precode. You may type or scan the whole barcode text.</source>
            <translation>It is printed in small type beside or below a long barcode: the last four characters of the barcode text are the precode. You may type or scan the whole barcode text.</translation>
        </message>
        <message>
            <source>Many units show the precode on the display while buttons 1 and 6 are held together for a few seconds.</source>
            <translation>Many units show the precode on the display while buttons 1 and 6 are held together for a few seconds.</translation>
        </message>
        <message>
            <source>A000 to A099 are not precodes.</source>
            <translation>A000 to A099 are not precodes.</translation>
        </message>
        <message>
            <source>The label has two fields: Model No (for example BE 4757) and Serial No (8 digits). Type each in its own field.</source>
            <translation>The label has two fields: Model No (for example BE 4757) and Serial No (8 digits). Type each in its own field.</translation>
        </message>
        <message>
            <source>Only models BE4739 and BE4757 were fitted to Nissan vehicles; other models are not covered.</source>
            <translation>Only models BE4739 and BE4757 were fitted to Nissan vehicles; other models are not covered.</translation>
        </message>
        <message>
            <source>The serial is the letter M and six digits (for example M123456).</source>
            <translation>The serial is the letter M and six digits (for example M123456).</translation>
        </message>
        <message>
            <source>Some units show the serial on the display while buttons 1 and 6 are held.</source>
            <translation>Some units show the serial on the display while buttons 1 and 6 are held.</translation>
        </message>
        <message>
            <source>The code is computed with the public Visteon M-serial algorithm.</source>
            <translation>The code is computed with the public Visteon M-serial algorithm.</translation>
        </message>
        <message>
            <source>“%1”</source>
            <extracomment>Quotation marks around a character or serial the message points at: „%1“ in German.</extracomment>
            <translation>“%1”</translation>
        </message>
        <message>
            <source>Code database unreachable</source>
            <translation>Code database unreachable</translation>
        </message>
        <message>
            <source>No public algorithm exists for %1 radios, and the code database could not be reached (%2): the code may be on record; try again when it is back.</source>
            <translation>No public algorithm exists for %1 radios, and the code database could not be reached (%2): the code may be on record; try again when it is back.</translation>
        </message>
        <message>
            <source>Try again once the code database is back: check that the database server is running and reachable, or that the database file can be read.</source>
            <translation>Try again once the code database is back: check that the database server is running and reachable, or that the database file can be read.</translation>
        </message>
        <message>
            <source>the part number</source>
            <translation>the part number</translation>
        </message>
        <message>
            <source>Unchecked</source>
            <translation>Unchecked</translation>
        </message>
        <message>
            <source>Part number and serial disagree</source>
            <translation>Part number and serial disagree</translation>
        </message>
        <message>
            <source>Two readings, two codes on record</source>
            <translation>Two readings, two codes on record</translation>
        </message>
        <message>
            <source>Invalid part number</source>
            <translation>Invalid part number</translation>
        </message>
        <message>
            <source>Part number: %1</source>
            <translation>Part number: %1</translation>
        </message>
        <message>
            <source>%1 serial: precode %2 taken from the end of the barcode text.</source>
            <translation>%1 serial: precode %2 taken from the end of the barcode text.</translation>
        </message>
        <message>
            <source>%1 serial: the 17-character label form was shortened to %2.</source>
            <translation>%1 serial: the 17-character label form was shortened to %2.</translation>
        </message>
        <message>
            <source>%1 serial: the CM printed on the label reads as BP, %2.</source>
            <translation>%1 serial: the CM printed on the label reads as BP, %2.</translation>
        </message>
        <message>
            <source>%1 serial, well formed.</source>
            <translation>%1 serial, well formed.</translation>
        </message>
        <message>
            <source>The part number %1 and the serial %2 cannot be on one label: the part number's digits 4–7 (%3) must be the serial's characters 3–6 (%4), and they differ at %5. One of them was misread: read both on the label again.</source>
            <translation>The part number %1 and the serial %2 cannot be on one label: the part number's digits 4–7 (%3) must be the serial's characters 3–6 (%4), and they differ at %5. One of them was misread: read both on the label again.</translation>
        </message>
        <message>
            <source>serial character %1</source>
            <translation>serial character %1</translation>
        </message>
        <message>
            <source>serial characters %1</source>
            <translation>serial characters %1</translation>
        </message>
        <message>
            <source>A part number only cross-checks Blaupunkt serials: leave it out for a %1 radio.</source>
            <translation>A part number only cross-checks Blaupunkt serials: leave it out for a %1 radio.</translation>
        </message>
        <message>
            <source>%1 fits no known label form: it can only be looked up in the code database as printed, unchecked. Compare it with the label character by character.</source>
            <translation>%1 fits no known label form: it can only be looked up in the code database as printed, unchecked. Compare it with the label character by character.</translation>
        </message>
        <message>
            <source>A Blaupunkt part number starts with 76: %1 %2 does not fit.</source>
            <translation>A Blaupunkt part number starts with 76: %1 %2 does not fit.</translation>
        </message>
        <message>
            <source>Unchecked serial: no rule knows this label form. The code is the one on record for the serial as printed; compare the serial with the label before entering it.</source>
            <translation>Unchecked serial: no rule knows this label form. The code is the one on record for the serial as printed; compare the serial with the label before entering it.</translation>
        </message>
        <message>
            <source>Its 7th character may be the letter %1 or the digit %2: both are real serials (%3, %4).</source>
            <translation>Its 7th character may be the letter %1 or the digit %2: both are real serials (%3, %4).</translation>
        </message>
        <message>
            <source>The code database holds the code for the reading %1.</source>
            <translation>The code database holds the code for the reading %1.</translation>
        </message>
        <message>
            <source>The part number %1 agrees with it (digits 4–7 are %2, as the serial's characters 3–6): a second confirmation.</source>
            <translation>The part number %1 agrees with it (digits 4–7 are %2, as the serial's characters 3–6): a second confirmation.</translation>
        </message>
        <message>
            <source>well formed.</source>
            <translation>well formed.</translation>
        </message>
        <message>
            <source>optional: the 10 digits starting 76 beside the serial (7 645 384 318).</source>
            <translation>optional: the 10 digits starting 76 beside the serial (7 645 384 318).</translation>
        </message>
        <message numerus="yes">
            <source>too short: %n more digit(s) needed.</source>
            <translation>
                <numerusform>too short: %n more digit needed.</numerusform>
                <numerusform>too short: %n more digits needed.</numerusform>
            </translation>
        </message>
        <message>
            <source>too long: a part number has %1 digits, %2 were given.</source>
            <translation>too long: a part number has %1 digits, %2 were given.</translation>
        </message>
        <message>
            <source>Press station button %1 until %2 shows on the display.</source>
            <translation>Press station button %1 until %2 shows on the display.</translation>
        </message>
        <message>
            <source>Press and hold station button 6, TA or SEEK ▲ for %1–%2 seconds to confirm (some units: see the handbook).</source>
            <translation>Press and hold station button 6, TA or SEEK ▲ for %1–%2 seconds to confirm (some units: see the handbook).</translation>
        </message>
        <message>
            <source>Press OK or ENTER (some units: see the handbook).</source>
            <translation>Press OK or ENTER (some units: see the handbook).</translation>
        </message>
        <message>
            <source>From the code database: the owner's radio card, entered by %1.</source>
            <translation>From the code database: the owner's radio card, entered by %1.</translation>
        </message>
        <message>
            <source>From the code database: the owner's radio card.</source>
            <translation>From the code database: the owner's radio card.</translation>
        </message>
        <message>
            <source>From the owner's radio card, entered by %1; it goes into the code database once it has worked on the radio.</source>
            <translation>From the owner's radio card, entered by %1; it goes into the code database once it has worked on the radio.</translation>
        </message>
        <message>
            <source>From the owner's radio card; it goes into the code database once it has worked on the radio.</source>
            <translation>From the owner's radio card; it goes into the code database once it has worked on the radio.</translation>
        </message>
        <message>
            <source>From the dealer %1, who was asked for it.</source>
            <translation>From the dealer %1, who was asked for it.</translation>
        </message>
        <message>
            <source>From a dealer who was asked for it.</source>
            <translation>From a dealer who was asked for it.</translation>
        </message>
        <message>
            <source>From the manufacturer's service (%1), who was asked for it.</source>
            <translation>From the manufacturer's service (%1), who was asked for it.</translation>
        </message>
        <message>
            <source>From the manufacturer's service, who was asked for it.</source>
            <translation>From the manufacturer's service, who was asked for it.</translation>
        </message>
        <message>
            <source>From the code database.</source>
            <translation>From the code database.</translation>
        </message>
        <message>
            <source>From a recorded source.</source>
            <translation>From a recorded source.</translation>
        </message>
        <message>
            <source>imported from %1</source>
            <translation>imported from %1</translation>
        </message>
        <message>
            <source>confirmed on a radio by %1</source>
            <translation>confirmed on a radio by %1</translation>
        </message>
        <message>
            <source>from the owner's radio card</source>
            <translation>from the owner's radio card</translation>
        </message>
        <message>
            <source>from the dealer %1</source>
            <translation>from the dealer %1</translation>
        </message>
        <message>
            <source>from the manufacturer's service</source>
            <translation>from the manufacturer's service</translation>
        </message>
        <message>
            <source>in the code database</source>
            <translation>in the code database</translation>
        </message>
        <message>
            <source>This code was refused on a radio on %1. Check the serial on the label and whether the radio was swapped before you try it.</source>
            <translation>This code was refused on a radio on %1. Check the serial on the label and whether the radio was swapped before you try it.</translation>
        </message>
        <message>
            <source>This code was refused on a radio by %1 on %2. Check the serial on the label and whether the radio was swapped before you try it.</source>
            <translation>This code was refused on a radio by %1 on %2. Check the serial on the label and whether the radio was swapped before you try it.</translation>
        </message>
        <message>
            <source>The radio card is for serial %1, but this radio's serial is %2: the radio was probably swapped, so the card's code belongs to another radio. No code is shown. Check the label once more; if it is right, ask the dealer for this radio's code.</source>
            <translation>The radio card is for serial %1, but this radio's serial is %2: the radio was probably swapped, so the card's code belongs to another radio. No code is shown. Check the label once more; if it is right, ask the dealer for this radio's code.</translation>
        </message>
        <message>
            <source>This serial fits no known label form, and the code database could not be reached (%1) to look it up as printed.</source>
            <translation>This serial fits no known label form, and the code database could not be reached (%1) to look it up as printed.</translation>
        </message>
        <message>
            <source>This serial fits no known label form and no code database could be consulted: no algorithm answers an unchecked serial.</source>
            <translation>This serial fits no known label form and no code database could be consulted: no algorithm answers an unchecked serial.</translation>
        </message>
        <message>
            <source>This serial fits no known label form, and the code database holds no code for it as printed.</source>
            <translation>This serial fits no known label form, and the code database holds no code for it as printed.</translation>
        </message>
        <message>
            <source>Read the serial and the part number on the label again, character by character.</source>
            <translation>Read the serial and the part number on the label again, character by character.</translation>
        </message>
        <message>
            <source>Some labels print 17 characters starting with 815BP or 815CM, or CM without the 815: type them as printed, the leading 815 is dropped and CM becomes BP.</source>
            <translation>Some labels print 17 characters starting with 815BP or 815CM, or CM without the 815: type them as printed, the leading 815 is dropped and CM becomes BP.</translation>
        </message>
        <message>
            <source>The 7th character (the 5th after BP) is a letter on some labels (BP5511V2151786): type it as printed.</source>
            <translation>The 7th character (the 5th after BP) is a letter on some labels (BP5511V2151786): type it as printed.</translation>
        </message>
        <message>
            <source>The part number beside it (10 digits starting 76, such as 7 645 387 041) checks the serial: its digits 4–7 are the serial's characters 3–6.</source>
            <translation>The part number beside it (10 digits starting 76, such as 7 645 387 041) checks the serial: its digits 4–7 are the serial's characters 3–6.</translation>
        </message>
        <message>
            <source>BP + 12 characters, 7th may be a letter</source>
            <extracomment>The 7th character is a digit on most labels, a capital letter on some.</extracomment>
            <translation>BP + 12 characters, 7th may be a letter</translation>
        </message>
        <message>
            <source>The code database holds different codes for %1 and %2, two readings of the 7th character: look at the label and say whether it shows the digit %3 or the letter %4. Only that reading is then looked up.</source>
            <translation>The code database holds different codes for %1 and %2, two readings of the 7th character: look at the label and say whether it shows the digit %3 or the letter %4. Only that reading is then looked up.</translation>
        </message>
        <message>
            <source>Too short: %1 is only the start of a serial (a Renault precode is a letter and 3 digits, a Visteon serial M and 6 digits, Blaupunkt BP and 12 characters, Becker BE and 12 digits).</source>
            <translation>Too short: %1 is only the start of a serial (a Renault precode is a letter and 3 digits, a Visteon serial M and 6 digits, Blaupunkt BP and 12 characters, Becker BE and 12 digits).</translation>
        </message>
        <message>
            <source>The technician read the letter %1 as the 7th character on the label: %2 (not %3).</source>
            <translation>The technician read the letter %1 as the 7th character on the label: %2 (not %3).</translation>
        </message>
        <message>
            <source>The technician read the digit %1 as the 7th character on the label: %2 (not %3).</source>
            <translation>The technician read the digit %1 as the 7th character on the label: %2 (not %3).</translation>
        </message>
        <message>
            <source>The label shows the letter %1</source>
            <translation>The label shows the letter %1</translation>
        </message>
        <message>
            <source>The label shows the digit %1</source>
            <translation>The label shows the digit %1</translation>
        </message>
        <message>
            <source>The serial starts with BP and has 12 more characters, all digits but the 7th, which may be a letter; labels often print a space between the groups (BP53876 9672026): type it with or without the space.</source>
            <translation>The serial starts with BP and has 12 more characters, all digits but the 7th, which may be a letter; labels often print a space between the groups (BP53876 9672026): type it with or without the space.</translation>
        </message>
    </context>
    <context>
        <name>Vin</name>
        <message>
            <source>“%1” at character %2 cannot be part of a VIN: only letters and digits.</source>
            <translation>“%1” at character %2 cannot be part of a VIN: only letters and digits.</translation>
        </message>
        <message>
            <source>A VIN never contains I, O or Q: character %1 is “%2”. Read it as %3?</source>
            <translation>A VIN never contains I, O or Q: character %1 is “%2”. Read it as %3?</translation>
        </message>
        <message>
            <source>Too long: a VIN has %1 characters, %2 were given.</source>
            <translation>Too long: a VIN has %1 characters, %2 were given.</translation>
        </message>
        <message numerus="yes">
            <source>%n more character(s).</source>
            <translation>
                <numerusform>%n more character.</numerusform>
                <numerusform>%n more characters.</numerusform>
            </translation>
        </message>
        <message>
            <source>Valid VIN.</source>
            <translation>Valid VIN.</translation>
        </message>
    </context>
    <context>
        <name>main</name>
        <message>
            <source>Usage: radiocode-finder [--version] [--help] [--smoke-test] [Qt options such as -platform NAME]

Finds the unlock code of a Nissan radio and shows how to enter it. See also: radiocode --help</source>
            <translation>Usage: radiocode-finder [--version] [--help] [--smoke-test] [Qt options such as -platform NAME]

Finds the unlock code of a Nissan radio and shows how to enter it. See also: radiocode --help</translation>
        </message>
    </context>
    <context>
        <name>radiocode::cli</name>
        <message>
            <source>List the radio families</source>
            <translation>List the radio families</translation>
        </message>
        <message>
            <source>%1 lines answered…</source>
            <translation>%1 lines answered…</translation>
        </message>
        <message>
            <source>%1 lines answered.</source>
            <translation>%1 lines answered.</translation>
        </message>
        <message>
            <source>only one input file can be given ("%1").</source>
            <translation>only one input file can be given ("%1").</translation>
        </message>
        <message>
            <source>radiocode batch: cannot open %1: %2</source>
            <translation>radiocode batch: cannot open %1: %2</translation>
        </message>
        <message>
            <source>radiocode batch: cannot write the output.</source>
            <translation>radiocode batch: cannot write the output.</translation>
        </message>
        <message>
            <source>radiocode batch: reading %1 failed: %2</source>
            <translation>radiocode batch: reading %1 failed: %2</translation>
        </message>
        <message>
            <source>standard input</source>
            <translation>standard input</translation>
        </message>
        <message>
            <source>The workshop's code database holds the Blaupunkt and Becker codes: imported dealer lists and codes technicians confirmed on a radio.</source>
            <translation>The workshop's code database holds the Blaupunkt and Becker codes: imported dealer lists and codes technicians confirmed on a radio.</translation>
        </message>
        <message>
            <source>check and count, save nothing</source>
            <translation>check and count, save nothing</translation>
        </message>
        <message>
            <source>print one JSON object: imported, duplicates, skipped, conflicts, errors</source>
            <translation>print one JSON object: imported, duplicates, skipped, conflicts, errors</translation>
        </message>
        <message>
            <source>replace another code stored for the serial</source>
            <translation>replace another code stored for the serial</translation>
        </message>
        <message>
            <source>The database is --database URL, else $RADIOCODE_DATABASE, else the desktop program's setting, else %1. URLs: sqlite:/path/file.db, postgresql://user[:password]@host[:port]/dbname.</source>
            <translation>The database is --database URL, else $RADIOCODE_DATABASE, else the desktop program's setting, else %1. URLs: sqlite:/path/file.db, postgresql://user[:password]@host[:port]/dbname.</translation>
        </message>
        <message>
            <source>Exit status: 0 done, 2 invalid input or arguments, 3 the file or the database could not be used (or a different code is already stored).</source>
            <translation>Exit status: 0 done, 2 invalid input or arguments, 3 the file or the database could not be used (or a different code is already stored).</translation>
        </message>
        <message>
            <source>unknown option %1</source>
            <translation>unknown option %1</translation>
        </message>
        <message>
            <source>one file at a time (got %1 and %2)</source>
            <translation>one file at a time (got %1 and %2)</translation>
        </message>
        <message>
            <source>Cannot read %1: %2</source>
            <translation>Cannot read %1: %2</translation>
        </message>
        <message>
            <source>Importing %1… %2%</source>
            <translation>Importing %1… %2%</translation>
        </message>
        <message>
            <source>line %1: %2</source>
            <translation>line %1: %2</translation>
        </message>
        <message>
            <source>give the serial and the code</source>
            <translation>give the serial and the code</translation>
        </message>
        <message>
            <source>--technician NAME is needed: a confirmed code records who confirmed it</source>
            <translation>--technician NAME is needed: a confirmed code records who confirmed it</translation>
        </message>
        <message>
            <source>%1 is a %2 serial: its code is computed with the public algorithm, not stored.</source>
            <translation>%1 is a %2 serial: its code is computed with the public algorithm, not stored.</translation>
        </message>
        <message>
            <source>the code “%1” is not exactly 4 digits.</source>
            <translation>the code “%1” is not exactly 4 digits.</translation>
        </message>
        <message>
            <source>Saved: %1 code %2, confirmed by %3.</source>
            <translation>Saved: %1 code %2, confirmed by %3.</translation>
        </message>
        <message>
            <source>Saved: %1 code %2, confirmed by %3 (replaces %4 from %5).</source>
            <translation>Saved: %1 code %2, confirmed by %3 (replaces %4 from %5).</translation>
        </message>
        <message>
            <source>Confirmed: %1 code %2 (from %3) is now marked as confirmed by %4.</source>
            <translation>Confirmed: %1 code %2 (from %3) is now marked as confirmed by %4.</translation>
        </message>
        <message>
            <source>Already stored: %1 code %2 (%3).</source>
            <translation>Already stored: %1 code %2 (%3).</translation>
        </message>
        <message>
            <source>%1 is already stored with code %2 (%3): not changed. If the radio accepted %4, add it again with --replace.</source>
            <translation>%1 is already stored with code %2 (%3): not changed. If the radio accepted %4, add it again with --replace.</translation>
        </message>
        <message>
            <source>one file at a time</source>
            <translation>one file at a time</translation>
        </message>
        <message>
            <source>unexpected argument %1</source>
            <translation>unexpected argument %1</translation>
        </message>
        <message>
            <source>Database: %1 (chosen by %2)</source>
            <translation>Database: %1 (chosen by %2)</translation>
        </message>
        <message>
            <source>Schema version: %1</source>
            <translation>Schema version: %1</translation>
        </message>
        <message>
            <source>Codes stored: %1</source>
            <translation>Codes stored: %1</translation>
        </message>
        <message>
            <source>radiocode: the code database cannot be used, so Blaupunkt and Becker codes cannot be looked up: %1</source>
            <translation>radiocode: the code database cannot be used, so Blaupunkt and Becker codes cannot be looked up: %1</translation>
        </message>
        <message>
            <source>%1 already exists: add --force to overwrite it.</source>
            <translation>%1 already exists: add --force to overwrite it.</translation>
        </message>
        <message>
            <source>Cannot write %1: %2</source>
            <translation>Cannot write %1: %2</translation>
        </message>
        <message>
            <source>Lists the radio families: id (for --family), name, serial format, where the code comes from, an example serial.</source>
            <translation>Lists the radio families: id (for --family), name, serial format, where the code comes from, an example serial.</translation>
        </message>
        <message>
            <source>unexpected argument "%1".</source>
            <translation>unexpected argument "%1".</translation>
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
            <translation>SERIAL FORMAT</translation>
        </message>
        <message>
            <source>CODE FROM</source>
            <translation>CODE FROM</translation>
        </message>
        <message>
            <source>EXAMPLE</source>
            <translation>EXAMPLE</translation>
        </message>
        <message>
            <source>blaupunkt, renault, becker or visteon</source>
            <translation>blaupunkt, renault, becker or visteon</translation>
        </message>
        <message>
            <source>worked, refused or not-tried</source>
            <translation>worked, refused or not-tried</translation>
        </message>
        <message>
            <source>jobs from this day on (YYYY-MM-DD or a date and time)</source>
            <translation>jobs from this day on (YYYY-MM-DD or a date and time)</translation>
        </message>
        <message>
            <source>jobs before this day</source>
            <translation>jobs before this day</translation>
        </message>
        <message>
            <source>the newest N jobs only</source>
            <translation>the newest N jobs only</translation>
        </message>
        <message>
            <source>attempts tells how often a code was refused for SERIAL since it last worked, and what to do before the next try.</source>
            <translation>attempts tells how often a code was refused for SERIAL since it last worked, and what to do before the next try.</translation>
        </message>
        <message>
            <source>Exit status: 0 done, 2 invalid arguments, 3 the database could not be used.</source>
            <translation>Exit status: 0 done, 2 invalid arguments, 3 the database could not be used.</translation>
        </message>
        <message>
            <source>unknown outcome “%1”: use worked, refused or not-tried</source>
            <translation>unknown outcome “%1”: use worked, refused or not-tried</translation>
        </message>
        <message>
            <source>“%1” is not a date: write it as YYYY-MM-DD, e.g. %2</source>
            <translation>“%1” is not a date: write it as YYYY-MM-DD, e.g. %2</translation>
        </message>
        <message>
            <source>--limit needs a positive number</source>
            <translation>--limit needs a positive number</translation>
        </message>
        <message>
            <source>No jobs match.</source>
            <translation>No jobs match.</translation>
        </message>
        <message numerus="yes">
            <source>%n attempt(s)</source>
            <translation>
                <numerusform>%n attempt</numerusform>
                <numerusform>%n attempts</numerusform>
            </translation>
        </message>
        <message>
            <source>--outcome needs worked, refused or not-tried</source>
            <translation>--outcome needs worked, refused or not-tried</translation>
        </message>
        <message>
            <source>--attempts needs a number from 0 to 99</source>
            <translation>--attempts needs a number from 0 to 99</translation>
        </message>
        <message>
            <source>give one serial</source>
            <translation>give one serial</translation>
        </message>
        <message>
            <source>Saved job #%1.</source>
            <translation>Saved job #%1.</translation>
        </message>
        <message>
            <source>No refused code is recorded for %1 since it last worked.</source>
            <translation>No refused code is recorded for %1 since it last worked.</translation>
        </message>
        <message>
            <source>Finds the code for one radio serial and says how to enter it, or what is wrong with the serial. SERIAL may be given in parts as the label prints them (BP53876 9672026); put "--" before a serial that starts with a dash.</source>
            <translation>Finds the code for one radio serial and says how to enter it, or what is wrong with the serial. SERIAL may be given in parts as the label prints them (BP53876 9672026); put "--" before a serial that starts with a dash.</translation>
        </message>
        <message>
            <source>Options:</source>
            <translation>Options:</translation>
        </message>
        <message>
            <source>read the serial as this family's (blaupunkt, renault, becker, visteon)</source>
            <translation>read the serial as this family's (blaupunkt, renault, becker, visteon)</translation>
        </message>
        <message>
            <source>answer as one JSON object</source>
            <translation>answer as one JSON object</translation>
        </message>
        <message>
            <source>Family: %1</source>
            <translation>Family: %1</translation>
        </message>
        <message>
            <source>Serial: %1</source>
            <translation>Serial: %1</translation>
        </message>
        <message>
            <source>Status: %1</source>
            <translation>Status: %1</translation>
        </message>
        <message>
            <source>What to do:</source>
            <translation>What to do:</translation>
        </message>
        <message>
            <source>Code: %1</source>
            <translation>Code: %1</translation>
        </message>
        <message>
            <source>Source: %1 (%2)</source>
            <translation>Source: %1 (%2)</translation>
        </message>
        <message>
            <source>How to enter it:</source>
            <translation>How to enter it:</translation>
        </message>
        <message>
            <source>Take care:</source>
            <translation>Take care:</translation>
        </message>
        <message>
            <source>the serial is missing.</source>
            <translation>the serial is missing.</translation>
        </message>
        <message>
            <source>Find the code for one serial</source>
            <translation>Find the code for one serial</translation>
        </message>
        <message>
            <source>Answer one serial per line as CSV</source>
            <translation>Answer one serial per line as CSV</translation>
        </message>
        <message>
            <source>Write the printable instruction sheet (PDF)</source>
            <translation>Write the printable instruction sheet (PDF)</translation>
        </message>
        <message>
            <source>Import, add and export codes of the code database</source>
            <translation>Import, add and export codes of the code database</translation>
        </message>
        <message>
            <source>List and export the job log</source>
            <translation>List and export the job log</translation>
        </message>
        <message>
            <source>radiocode %1: unlock codes for Nissan radios (Blaupunkt, Renault, Becker, Visteon).</source>
            <translation>radiocode %1: unlock codes for Nissan radios (Blaupunkt, Renault, Becker, Visteon).</translation>
        </message>
        <message>
            <source>Usage: radiocode [--database URL] [--lang tr|de|en] COMMAND [ARGUMENTS]</source>
            <translation>Usage: radiocode [--database URL] [--lang tr|de|en] COMMAND [ARGUMENTS]</translation>
        </message>
        <message>
            <source>Commands:</source>
            <translation>Commands:</translation>
        </message>
        <message>
            <source>Options (before or after the command):</source>
            <translation>Options (before or after the command):</translation>
        </message>
        <message>
            <source>the code database to use</source>
            <translation>the code database to use</translation>
        </message>
        <message>
            <source>the language of messages and steps</source>
            <translation>the language of messages and steps</translation>
        </message>
        <message>
            <source>this help; COMMAND --help: that command's</source>
            <translation>this help; COMMAND --help: that command's</translation>
        </message>
        <message>
            <source>the program's version</source>
            <translation>the program's version</translation>
        </message>
        <message>
            <source>Exit status: 0 a code was shown (or the work was done), 1 the serial is fine but no code can be given, 2 invalid input or arguments, 3 the work could not be done.</source>
            <translation>Exit status: 0 a code was shown (or the work was done), 1 the serial is fine but no code can be given, 2 invalid input or arguments, 3 the work could not be done.</translation>
        </message>
        <message>
            <source>radiocode: %1 needs a value.</source>
            <translation>radiocode: %1 needs a value.</translation>
        </message>
        <message>
            <source>radiocode: unknown language "%1": use one of %2.</source>
            <translation>radiocode: unknown language "%1": use one of %2.</translation>
        </message>
        <message>
            <source>Try "radiocode %1 --help".</source>
            <translation>Try "radiocode %1 --help".</translation>
        </message>
        <message>
            <source>radiocode: unknown command "%1".</source>
            <translation>radiocode: unknown command "%1".</translation>
        </message>
        <message>
            <source>Try "radiocode --help".</source>
            <translation>Try "radiocode --help".</translation>
        </message>
        <message>
            <source>Writes the printable instruction sheet for one radio: the code in four boxes, how to key it in, the cautions and what to do when the radio refuses it. Without a code the boxes are left empty to fill in by hand. Needs no display.</source>
            <translation>Writes the printable instruction sheet for one radio: the code in four boxes, how to key it in, the cautions and what to do when the radio refuses it. Without a code the boxes are left empty to fill in by hand. Needs no display.</translation>
        </message>
        <message>
            <source>read the serial as this family's</source>
            <translation>read the serial as this family's</translation>
        </message>
        <message>
            <source>the customer, printed on the sheet</source>
            <translation>the customer, printed on the sheet</translation>
        </message>
        <message>
            <source>the vehicle's registration</source>
            <translation>the vehicle's registration</translation>
        </message>
        <message>
            <source>the vehicle identification number (17 characters)</source>
            <translation>the vehicle identification number (17 characters)</translation>
        </message>
        <message>
            <source>who does the job</source>
            <translation>who does the job</translation>
        </message>
        <message>
            <source>free notes</source>
            <translation>free notes</translation>
        </message>
        <message>
            <source>the workshop's name (default: the one set in radiocode-finder)</source>
            <translation>the workshop's name (default: the one set in radiocode-finder)</translation>
        </message>
        <message>
            <source>paper size (default: as set in radiocode-finder, else from the system's region)</source>
            <translation>paper size (default: as set in radiocode-finder, else from the system's region)</translation>
        </message>
        <message>
            <source>radiocode sheet: the sheet cannot be drawn without fonts.</source>
            <translation>radiocode sheet: the sheet cannot be drawn without fonts.</translation>
        </message>
        <message>
            <source>unknown paper size "%1": use a4 or letter.</source>
            <translation>unknown paper size "%1": use a4 or letter.</translation>
        </message>
        <message>
            <source>--out FILE.pdf is missing.</source>
            <translation>--out FILE.pdf is missing.</translation>
        </message>
        <message>
            <source>--vin: %1</source>
            <translation>--vin: %1</translation>
        </message>
        <message>
            <source>a VIN has 17 characters, %1 were given.</source>
            <translation>a VIN has 17 characters, %1 were given.</translation>
        </message>
        <message>
            <source>Sheet for %1 written to %2.</source>
            <translation>Sheet for %1 written to %2.</translation>
        </message>
        <message>
            <source>Sheet for %1 written to %2 with empty code boxes: %3</source>
            <translation>Sheet for %1 written to %2 with empty code boxes: %3</translation>
        </message>
        <message>
            <source>Warning: %1</source>
            <translation>Warning: %1</translation>
        </message>
        <message>
            <source>unknown action “%1”: use %2</source>
            <translation>unknown action “%1”: use %2</translation>
        </message>
        <message>
            <source>%1 or %2</source>
            <translation>%1 or %2</translation>
        </message>
        <message>
            <source>Reads one serial per line from FILE (or standard input, also for "-") and writes one CSV row per line to standard output, with the header:</source>
            <translation>Reads one serial per line from FILE (or standard input, also for "-") and writes one CSV row per line to standard output, with the header:</translation>
        </message>
        <message>
            <source>  input    the line as read (bytes that are not UTF-8 and NUL shown as �; lines over %1 bytes cut and marked with …)</source>
            <translation>  input    the line as read (bytes that are not UTF-8 and NUL shown as �; lines over %1 bytes cut and marked with …)</translation>
        </message>
        <message>
            <source>  series   blaupunkt, renault, becker, visteon or unknown</source>
            <translation>  series   blaupunkt, renault, becker, visteon or unknown</translation>
        </message>
        <message>
            <source>  serial   the normalised serial (empty when the line is invalid)</source>
            <translation>  serial   the normalised serial (empty when the line is invalid)</translation>
        </message>
        <message>
            <source>  code     the four digits when status is ok</source>
            <translation>  code     the four digits when status is ok</translation>
        </message>
        <message>
            <source>  source   where the code came from (algorithm:…, database:…)</source>
            <translation>  source   where the code came from (algorithm:…, database:…)</translation>
        </message>
        <message>
            <source>  message  why there is no code, what is wrong and the suggestion, or how the line was read (precode from a barcode text, 17-character label); empty for a plain ok. English unless --lang is given.</source>
            <translation>  message  why there is no code, what is wrong and the suggestion, or how the line was read (precode from a barcode text, 17-character label); empty for a plain ok. English unless --lang is given.</translation>
        </message>
        <message>
            <source>Every line is answered, blank lines as invalid; CRLF line ends are accepted. Fields are quoted as RFC 4180 says; rows end with LF.</source>
            <translation>Every line is answered, blank lines as invalid; CRLF line ends are accepted. Fields are quoted as RFC 4180 says; rows end with LF.</translation>
        </message>
        <message>
            <source>read every line as this family's serial</source>
            <translation>read every line as this family's serial</translation>
        </message>
        <message>
            <source>Exit status: 0 the input was read through, 2 bad arguments, 3 the file could not be read.</source>
            <translation>Exit status: 0 the input was read through, 2 bad arguments, 3 the file could not be read.</translation>
        </message>
        <message>
            <source>radiocode: the code database is open read-only: lookups work, nothing can be saved. %1</source>
            <translation>radiocode: the code database is open read-only: lookups work, nothing can be saved. %1</translation>
        </message>
        <message>
            <source>Exit status: 0 a code was found, 1 the serial is fine but no code can be given (not-found, unsupported), 2 the serial is invalid, 3 the code database could not be reached.</source>
            <translation>Exit status: 0 a code was found, 1 the serial is fine but no code can be given (not-found, unsupported), 2 the serial is invalid, 3 the code database could not be reached.</translation>
        </message>
        <message>
            <source>  status   ok, invalid, unsupported, not-found, or unreachable (the code database could not be asked: the code may be on record)</source>
            <translation>  status   ok, invalid, unsupported, not-found, or unreachable (the code database could not be asked: the code may be on record)</translation>
        </message>
        <message>
            <source>radiocode: the output could not be written (is the disk full?).</source>
            <translation>radiocode: the output could not be written (is the disk full?).</translation>
        </message>
        <message>
            <source>the column by its header name or its number (from 1)</source>
            <translation>the column by its header name or its number (from 1)</translation>
        </message>
        <message>
            <source>import 420 as 0420 (a spreadsheet dropped the zero), marked in the source; without it such rows are skipped</source>
            <translation>import 420 as 0420 (a spreadsheet dropped the zero), marked in the source; without it such rows are skipped</translation>
        </message>
        <message>
            <source>%1 needs a column name or number</source>
            <translation>%1 needs a column name or number</translation>
        </message>
        <message>
            <source>the CSV file to import is missing (- reads the standard input)</source>
            <translation>the CSV file to import is missing (- reads the standard input)</translation>
        </message>
        <message>
            <source>the standard input</source>
            <translation>the standard input</translation>
        </message>
        <message>
            <source>Choose them with --serial-column and --code-column (a name or a number, counting from 1).</source>
            <translation>Choose them with --serial-column and --code-column (a name or a number, counting from 1).</translation>
        </message>
        <message>
            <source>… and %1 more rows with a problem, not listed.</source>
            <translation>… and %1 more rows with a problem, not listed.</translation>
        </message>
        <message>
            <source>technician, customer, registration, VIN, serial, code or notes contain TEXT</source>
            <translation>technician, customer, registration, VIN, serial, code or notes contain TEXT</translation>
        </message>
        <message>
            <source>Notes: %1</source>
            <translation>Notes: %1</translation>
        </message>
        <message>
            <source>a Blaupunkt label's part number (7 645 384 318): its digits 4-7 must be the serial's characters 3-6, or no code is given</source>
            <translation>a Blaupunkt label's part number (7 645 384 318): its digits 4-7 must be the serial's characters 3-6, or no code is given</translation>
        </message>
        <message>
            <source>With this program:</source>
            <translation>With this program:</translation>
        </message>
        <message>
            <source>the radio card: radiocode card %1 --card-serial S --code C</source>
            <translation>the radio card: radiocode card %1 --card-serial S --code C</translation>
        </message>
        <message>
            <source>ask the dealer: radiocode request %1 --out request.pdf --to NAME</source>
            <translation>ask the dealer: radiocode request %1 --out request.pdf --to NAME</translation>
        </message>
        <message>
            <source>The code from the owner's radio card</source>
            <translation>The code from the owner's radio card</translation>
        </message>
        <message>
            <source>Ask a dealer for the code (PDF letter)</source>
            <translation>Ask a dealer for the code (PDF letter)</translation>
        </message>
        <message>
            <source>Read the serials off pictures of the label</source>
            <translation>Read the serials off pictures of the label</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>%1: %2</translation>
        </message>
        <message>
            <source>The owner has the radio card (“Radio Pass”, “Safety-Nr”, PIN): its serial must be the radio's. When it is, the card's code is shown with how to enter it, and the job is logged; the code goes into the code database once the radio accepted it (radiocode jobs outcome JOB-ID worked). When the serials differ the radio was probably swapped, and no code is shown.</source>
            <translation>The owner has the radio card (“Radio Pass”, “Safety-Nr”, PIN): its serial must be the radio's. When it is, the card's code is shown with how to enter it, and the job is logged; the code goes into the code database once the radio accepted it (radiocode jobs outcome JOB-ID worked). When the serials differ the radio was probably swapped, and no code is shown.</translation>
        </message>
        <message>
            <source>Exit status: 0 the card's code is shown, 2 the serials differ or the input is invalid, 3 the work could not be done.</source>
            <translation>Exit status: 0 the card's code is shown, 2 the serials differ or the input is invalid, 3 the work could not be done.</translation>
        </message>
        <message>
            <source>the radio's serial is missing.</source>
            <translation>the radio's serial is missing.</translation>
        </message>
        <message>
            <source>--card-serial S is needed: the serial printed on the card.</source>
            <translation>--card-serial S is needed: the serial printed on the card.</translation>
        </message>
        <message>
            <source>--code C is needed: the code on the card.</source>
            <translation>--code C is needed: the code on the card.</translation>
        </message>
        <message>
            <source>the radio's serial</source>
            <translation>the radio's serial</translation>
        </message>
        <message>
            <source>the card's serial</source>
            <translation>the card's serial</translation>
        </message>
        <message>
            <source>Radio card: %1</source>
            <translation>Radio card: %1</translation>
        </message>
        <message>
            <source>No code: %1</source>
            <translation>No code: %1</translation>
        </message>
        <message>
            <source>the code “%1” is not a code: a code is exactly 4 digits.</source>
            <translation>the code “%1” is not a code: a code is exactly 4 digits.</translation>
        </message>
        <message>
            <source>radiocode card: the job could not be logged: %1</source>
            <translation>radiocode card: the job could not be logged: %1</translation>
        </message>
        <message>
            <source>Warning: the code database holds %1 for this serial (%2). Check the card and the label before trying.</source>
            <translation>Warning: the code database holds %1 for this serial (%2). Check the card and the label before trying.</translation>
        </message>
        <message>
            <source>Saved job #%1. Once the radio accepts the code: radiocode jobs outcome %1 worked (or refused).</source>
            <translation>Saved job #%1. Once the radio accepts the code: radiocode jobs outcome %1 worked (or refused).</translation>
        </message>
        <message>
            <source>Writes a request for the radio's code to a Nissan dealer or the Blaupunkt/Becker service: the workshop (name, address and contact from radiocode-finder's Workshop details), the vehicle, the radio, the proof of ownership to enclose and the owner's signature. Fields not given are left blank to fill in by hand. The job is logged as waiting for the code: radiocode jobs list --waiting, and radiocode jobs answer JOB-ID CODE --from NAME when the answer comes.</source>
            <translation>Writes a request for the radio's code to a Nissan dealer or the Blaupunkt/Becker service: the workshop (name, address and contact from radiocode-finder's Workshop details), the vehicle, the radio, the proof of ownership to enclose and the owner's signature. Fields not given are left blank to fill in by hand. The job is logged as waiting for the code: radiocode jobs list --waiting, and radiocode jobs answer JOB-ID CODE --from NAME when the answer comes.</translation>
        </message>
        <message>
            <source>Exit status: 0 the request was written and logged, 2 invalid serial or arguments, 3 the file or the job log could not be written.</source>
            <translation>Exit status: 0 the request was written and logged, 2 invalid serial or arguments, 3 the file or the job log could not be written.</translation>
        </message>
        <message>
            <source>radiocode request: the request cannot be drawn without fonts.</source>
            <translation>radiocode request: the request cannot be drawn without fonts.</translation>
        </message>
        <message>
            <source>%1 is a %2 serial: its code is computed with the public algorithm: radiocode lookup %1</source>
            <translation>%1 is a %2 serial: its code is computed with the public algorithm: radiocode lookup %1</translation>
        </message>
        <message>
            <source>--part-number: %1</source>
            <translation>--part-number: %1</translation>
        </message>
        <message>
            <source>cannot read the photo %1: %2</source>
            <translation>cannot read the photo %1: %2</translation>
        </message>
        <message>
            <source>Note: the code database already holds a code for %1 (%2): radiocode lookup %1</source>
            <translation>Note: the code database already holds a code for %1 (%2): radiocode lookup %1</translation>
        </message>
        <message>
            <source>the job could not be logged, so no request was written: %1</source>
            <translation>the job could not be logged, so no request was written: %1</translation>
        </message>
        <message>
            <source>job #%1</source>
            <translation>job #%1</translation>
        </message>
        <message>
            <source>Request for %1 written to %2.</source>
            <translation>Request for %1 written to %2.</translation>
        </message>
        <message>
            <source>Job #%1 is waiting for the code, asked on %2.</source>
            <translation>Job #%1 is waiting for the code, asked on %2.</translation>
        </message>
        <message>
            <source>Job #%1 is waiting for the code, asked of %2 on %3.</source>
            <translation>Job #%1 is waiting for the code, asked of %2 on %3.</translation>
        </message>
        <message>
            <source>When the answer comes: radiocode jobs answer %1 CODE --from NAME</source>
            <translation>When the answer comes: radiocode jobs answer %1 CODE --from NAME</translation>
        </message>
        <message>
            <source>--waiting lists every waiting job: %1 cannot be combined with it.</source>
            <translation>--waiting lists every waiting job: %1 cannot be combined with it.</translation>
        </message>
        <message>
            <source>No job is waiting for a code.</source>
            <translation>No job is waiting for a code.</translation>
        </message>
        <message>
            <source>asked on %1</source>
            <translation>asked on %1</translation>
        </message>
        <message>
            <source>asked of %1 on %2</source>
            <translation>asked of %1 on %2</translation>
        </message>
        <message numerus="yes">
            <source>waiting %n day(s)</source>
            <translation>
                <numerusform>waiting %n day</numerusform>
                <numerusform>waiting %n days</numerusform>
            </translation>
        </message>
        <message>
            <source>give the job's number and the code</source>
            <translation>give the job's number and the code</translation>
        </message>
        <message>
            <source>“%1” is not a job number (radiocode jobs list --waiting shows them)</source>
            <translation>“%1” is not a job number (radiocode jobs list --waiting shows them)</translation>
        </message>
        <message>
            <source>--from NAME is needed: the code is kept with who gave it</source>
            <translation>--from NAME is needed: the code is kept with who gave it</translation>
        </message>
        <message>
            <source>Saved: code %1 for %2. %3 (%4)</source>
            <translation>Saved: code %1 for %2. %3 (%4)</translation>
        </message>
        <message>
            <source>Job #%1: enter the code on the radio (radiocode sheet %2 --out FILE.pdf prints the sheet), then record what happened: radiocode jobs outcome %1 worked (or refused).</source>
            <translation>Job #%1: enter the code on the radio (radiocode sheet %2 --out FILE.pdf prints the sheet), then record what happened: radiocode jobs outcome %1 worked (or refused).</translation>
        </message>
        <message>
            <source>the code database holds %1 for this radio (%2), not %3: nothing was changed. Check the answer with %4.</source>
            <translation>the code database holds %1 for this radio (%2), not %3: nothing was changed. Check the answer with %4.</translation>
        </message>
        <message>
            <source>job #%1 is not waiting for a code (radiocode jobs list --waiting shows those that are).</source>
            <translation>job #%1 is not waiting for a code (radiocode jobs list --waiting shows those that are).</translation>
        </message>
        <message>
            <source>there is no job #%1.</source>
            <translation>there is no job #%1.</translation>
        </message>
        <message>
            <source>give the job's number and worked, refused or not-tried</source>
            <translation>give the job's number and worked, refused or not-tried</translation>
        </message>
        <message>
            <source>“%1” is not a job number</source>
            <translation>“%1” is not a job number</translation>
        </message>
        <message>
            <source>Job #%1: %2.</source>
            <translation>Job #%1: %2.</translation>
        </message>
        <message>
            <source>%1 is a folder, not a file.</source>
            <translation>%1 is a folder, not a file.</translation>
        </message>
        <message>
            <source>the standard output</source>
            <translation>the standard output</translation>
        </message>
        <message>
            <source>Cannot write to the standard output: %1</source>
            <translation>Cannot write to the standard output: %1</translation>
        </message>
        <message>
            <source>%1 is a folder: give the name of a file to write.</source>
            <translation>%1 is a folder: give the name of a file to write.</translation>
        </message>
        <message>
            <source>%1 is not a regular file (a socket or a block device): it was not touched. Give the name of a file to write.</source>
            <translation>%1 is not a regular file (a socket or a block device): it was not touched. Give the name of a file to write.</translation>
        </message>
        <message>
            <source>Reads the radio serials off pictures of the label (a phone photo, a scan, a screenshot: PNG, JPEG and the other formats Qt reads): barcodes first, the printed text where no barcode carries a serial. Writes one CSV row per serial found in each picture, with the header:</source>
            <translation>Reads the radio serials off pictures of the label (a phone photo, a scan, a screenshot: PNG, JPEG and the other formats Qt reads): barcodes first, the printed text where no barcode carries a serial. Writes one CSV row per serial found in each picture, with the header:</translation>
        </message>
        <message>
            <source>  status     as in batch (ok, invalid, unsupported, not-found, unreachable), or no-serial: none was found in the picture (one row)</source>
            <translation>  status     as in batch (ok, invalid, unsupported, not-found, unreachable), or no-serial: none was found in the picture (one row)</translation>
        </message>
        <message>
            <source>  serial     the normalised serial; for invalid, the text as read (a letter that looks like a digit: check the label)</source>
            <translation>  serial     the normalised serial; for invalid, the text as read (a letter that looks like a digit: check the label)</translation>
        </message>
        <message>
            <source>  read_from  barcode:FORMAT (barcode:Code128, ...) or text</source>
            <translation>  read_from  barcode:FORMAT (barcode:Code128, ...) or text</translation>
        </message>
        <message>
            <source>A serial read off a picture can be misread: check it against the label before entering a code. Two different serials on one picture are both listed.</source>
            <translation>A serial read off a picture can be misread: check it against the label before entering a code. Two different serials on one picture are both listed.</translation>
        </message>
        <message>
            <source>Exit status: 0 every picture was read through (serials found or not), 2 a picture could not be opened or bad arguments.</source>
            <translation>Exit status: 0 every picture was read through (serials found or not), 2 a picture could not be opened or bad arguments.</translation>
        </message>
        <message>
            <source>radiocode scan: %1: no such file.</source>
            <translation>radiocode scan: %1: no such file.</translation>
        </message>
        <message>
            <source>radiocode scan: %1 cannot be read (a folder, or no permission).</source>
            <translation>radiocode scan: %1 cannot be read (a folder, or no permission).</translation>
        </message>
        <message>
            <source>radiocode scan: %1 is not a picture this program can read (use PNG or JPEG).</source>
            <translation>radiocode scan: %1 is not a picture this program can read (use PNG or JPEG).</translation>
        </message>
        <message>
            <source>radiocode scan: %1 is damaged or cut short (%2); take or save the picture again.</source>
            <translation>radiocode scan: %1 is damaged or cut short (%2); take or save the picture again.</translation>
        </message>
        <message>
            <source>radiocode scan: %1 is larger than %2 megapixels; save a smaller copy.</source>
            <translation>radiocode scan: %1 is larger than %2 megapixels; save a smaller copy.</translation>
        </message>
        <message>
            <source>name at least one picture.</source>
            <translation>name at least one picture.</translation>
        </message>
        <message>
            <source>the Blaupunkt part number from the label, cross-checked with the serial and printed on the sheet</source>
            <translation>the Blaupunkt part number from the label, cross-checked with the serial and printed on the sheet</translation>
        </message>
        <message>
            <source>where to write the PDF (required unless --print; - for the standard output)</source>
            <translation>where to write the PDF (required unless --print; - for the standard output)</translation>
        </message>
        <message>
            <source>replace FILE.pdf when it exists</source>
            <translation>replace FILE.pdf when it exists</translation>
        </message>
        <message>
            <source>Exit status: 0 the sheet was written with a code, 1 it was written without one (not-found, unsupported), 2 invalid serial or arguments, 3 the file could not be written or nothing was printed (no printer, a stopped printer, one that rejects jobs).</source>
            <translation>Exit status: 0 the sheet was written with a code, 1 it was written without one (not-found, unsupported), 2 invalid serial or arguments, 3 the file could not be written or nothing was printed (no printer, a stopped printer, one that rejects jobs).</translation>
        </message>
        <message>
            <source>--out FILE.pdf (or --print) is missing.</source>
            <translation>--out FILE.pdf (or --print) is missing.</translation>
        </message>
        <message>
            <source>--printer needs a printer's name.</source>
            <translation>--printer needs a printer's name.</translation>
        </message>
        <message>
            <source>--copies takes a number from 1 to 99, not "%1".</source>
            <translation>--copies takes a number from 1 to 99, not "%1".</translation>
        </message>
        <message>
            <source>unknown format "%1": use a4, letter, card or label62.</source>
            <translation>unknown format "%1": use a4, letter, card or label62.</translation>
        </message>
        <message>
            <source>not printed: %1</source>
            <translation>not printed: %1</translation>
        </message>
        <message>
            <source>Printed: job %1 on %2</source>
            <translation>Printed: job %1 on %2</translation>
        </message>
        <message numerus="yes">
            <source>(%n copies)</source>
            <translation>
                <numerusform>(%n copies)</numerusform>
                <numerusform>(%n copies)</numerusform>
            </translation>
        </message>
        <message>
            <source>print it (on the default printer unless --printer names one)</source>
            <translation>print it (on the default printer unless --printer names one)</translation>
        </message>
        <message>
            <source>the printer (a CUPS queue) to print on</source>
            <translation>the printer (a CUPS queue) to print on</translation>
        </message>
        <message>
            <source>how many copies to print (1 to 99)</source>
            <translation>how many copies to print (1 to 99)</translation>
        </message>
        <message>
            <source>a4 or letter (the sheet), card (85 x 54 mm) or label62 (a 62 mm label) for the code card</source>
            <translation>a4 or letter (the sheet), card (85 x 54 mm) or label62 (a 62 mm label) for the code card</translation>
        </message>
        <message>
            <source>Columns:</source>
            <translation>Columns:</translation>
        </message>
        <message>
            <source>show this help</source>
            <translation>show this help</translation>
        </message>
        <message>
            <source>Usage: %1</source>
            <translation>Usage: %1</translation>
        </message>
        <message>
            <source>missing value for %1</source>
            <translation>missing value for %1</translation>
        </message>
        <message>
            <source>%1 takes no value</source>
            <translation>%1 takes no value</translation>
        </message>
        <message>
            <source>Actions:</source>
            <translation>Actions:</translation>
        </message>
        <message>
            <source>Each action's options: radiocode %1 ACTION --help.</source>
            <translation>Each action's options: radiocode %1 ACTION --help.</translation>
        </message>
        <message>
            <source>unknown radio family "%1": use one of %2.</source>
            <translation>unknown radio family "%1": use one of %2.</translation>
        </message>
        <message>
            <source>overwrite an existing FILE</source>
            <translation>overwrite an existing FILE</translation>
        </message>
        <message>
            <source>Import a CSV list of serials and codes</source>
            <translation>Import a CSV list of serials and codes</translation>
        </message>
        <message>
            <source>Imports a CSV list with a serial and a code column (comma, semicolon or tab; headers such as Serial No, Seriennummer, Seri No, Radio Code, Kod are recognised). All accepted rows or none are saved; a stored code is never overwritten. - reads the standard input.</source>
            <translation>Imports a CSV list with a serial and a code column (comma, semicolon or tab; headers such as Serial No, Seriennummer, Seri No, Radio Code, Kod are recognised). All accepted rows or none are saved; a stored code is never overwritten. - reads the standard input.</translation>
        </message>
        <message>
            <source>Record a code that worked on the radio</source>
            <translation>Record a code that worked on the radio</translation>
        </message>
        <message>
            <source>who confirmed the code on the radio (required)</source>
            <translation>who confirmed the code on the radio (required)</translation>
        </message>
        <message>
            <source>Records a code that worked on the radio, with who confirmed it.</source>
            <translation>Records a code that worked on the radio, with who confirmed it.</translation>
        </message>
        <message>
            <source>Write every code as CSV</source>
            <translation>Write every code as CSV</translation>
        </message>
        <message>
            <source>Writes every code as CSV (serial,code,family,source,origin,created_at) to FILE or the standard output.</source>
            <translation>Writes every code as CSV (serial,code,family,source,origin,created_at) to FILE or the standard output.</translation>
        </message>
        <message>
            <source>Show which database is used and what it holds</source>
            <translation>Show which database is used and what it holds</translation>
        </message>
        <message>
            <source>Shows which database is used, why (--database, $RADIOCODE_DATABASE, the desktop program's setting or the default) and what it holds.</source>
            <translation>Shows which database is used, why (--database, $RADIOCODE_DATABASE, the desktop program's setting or the default) and what it holds.</translation>
        </message>
        <message>
            <source>Exit status: 0 the families were listed, 2 bad arguments.</source>
            <translation>Exit status: 0 the families were listed, 2 bad arguments.</translation>
        </message>
        <message>
            <source>List the job log</source>
            <translation>List the job log</translation>
        </message>
        <message>
            <source>the jobs waiting for a dealer's answer instead (no filters)</source>
            <translation>the jobs waiting for a dealer's answer instead (no filters)</translation>
        </message>
        <message>
            <source>print the jobs as one JSON object</source>
            <translation>print the jobs as one JSON object</translation>
        </message>
        <message>
            <source>Lists the jobs of the job log, newest first.</source>
            <translation>Lists the jobs of the job log, newest first.</translation>
        </message>
        <message>
            <source>list --waiting shows the jobs whose code was asked of a dealer (radiocode request), how long each has waited, and a reminder after the days set in radiocode-finder.</source>
            <translation>list --waiting shows the jobs whose code was asked of a dealer (radiocode request), how long each has waited, and a reminder after the days set in radiocode-finder.</translation>
        </message>
        <message>
            <source>Write the job log as CSV</source>
            <translation>Write the job log as CSV</translation>
        </message>
        <message>
            <source>Writes the jobs the filters choose as CSV to FILE or the standard output.</source>
            <translation>Writes the jobs the filters choose as CSV to FILE or the standard output.</translation>
        </message>
        <message>
            <source>the code tried</source>
            <translation>the code tried</translation>
        </message>
        <message>
            <source>who did the job</source>
            <translation>who did the job</translation>
        </message>
        <message>
            <source>the customer</source>
            <translation>the customer</translation>
        </message>
        <message>
            <source>the vehicle identification number</source>
            <translation>the vehicle identification number</translation>
        </message>
        <message>
            <source>where the code came from</source>
            <translation>where the code came from</translation>
        </message>
        <message>
            <source>Log a job by hand</source>
            <translation>Log a job by hand</translation>
        </message>
        <message>
            <source>how often the code was tried (0 to 99)</source>
            <translation>how often the code was tried (0 to 99)</translation>
        </message>
        <message>
            <source>Logs a job for the radio with SERIAL, and says when codes were refused for it before.</source>
            <translation>Logs a job for the radio with SERIAL, and says when codes were refused for it before.</translation>
        </message>
        <message>
            <source>How often a code was refused for a serial</source>
            <translation>How often a code was refused for a serial</translation>
        </message>
        <message>
            <source>The job log: every radio the workshop looked at, the code tried and whether it worked. answer saves the code a dealer gave for a waiting job; outcome records whether the radio accepted a job's code: a code that worked is kept in the code database, a refused one is flagged for the next lookup.</source>
            <translation>The job log: every radio the workshop looked at, the code tried and whether it worked. answer saves the code a dealer gave for a waiting job; outcome records whether the radio accepted a job's code: a code that worked is kept in the code database, a refused one is flagged for the next lookup.</translation>
        </message>
        <message>
            <source>the label shows the letter: radiocode lookup %1 --reading letter</source>
            <translation>the label shows the letter: radiocode lookup %1 --reading letter</translation>
        </message>
        <message>
            <source>the label shows the digit: radiocode lookup %1 --reading digit</source>
            <translation>the label shows the digit: radiocode lookup %1 --reading digit</translation>
        </message>
        <message>
            <source>unknown reading "%1": use letter or digit.</source>
            <translation>unknown reading "%1": use letter or digit.</translation>
        </message>
        <message>
            <source>--reading only applies to a Blaupunkt serial whose 7th character is a letter that looks like a digit (O, I, L, S, B, Z or G); %1 has one reading.</source>
            <translation>--reading only applies to a Blaupunkt serial whose 7th character is a letter that looks like a digit (O, I, L, S, B, Z or G); %1 has one reading.</translation>
        </message>
        <message>
            <source>a Blaupunkt serial whose 7th character may be a letter or a digit (O or 0, I or 1, ...): which one the label shows; only that reading is looked up</source>
            <translation>a Blaupunkt serial whose 7th character may be a letter or a digit (O or 0, I or 1, ...): which one the label shows; only that reading is looked up</translation>
        </message>
        <message>
            <source>the serial printed on the card (required)</source>
            <translation>the serial printed on the card (required)</translation>
        </message>
        <message>
            <source>the code on the card (required)</source>
            <translation>the code on the card (required)</translation>
        </message>
        <message>
            <source>the owner</source>
            <translation>the owner</translation>
        </message>
        <message>
            <source>where to write the letter (required)</source>
            <translation>where to write the letter (required)</translation>
        </message>
        <message>
            <source>the Blaupunkt part number from the label</source>
            <translation>the Blaupunkt part number from the label</translation>
        </message>
        <message>
            <source>the dealer or service asked</source>
            <translation>the dealer or service asked</translation>
        </message>
        <message>
            <source>who asks</source>
            <translation>who asks</translation>
        </message>
        <message>
            <source>a picture of the label, printed small</source>
            <translation>a picture of the label, printed small</translation>
        </message>
        <message>
            <source>paper size</source>
            <translation>paper size</translation>
        </message>
        <message>
            <source>Save the code a dealer gave for a job</source>
            <translation>Save the code a dealer gave for a job</translation>
        </message>
        <message>
            <source>who gave the code (required)</source>
            <translation>who gave the code (required)</translation>
        </message>
        <message>
            <source>the manufacturer's service gave it, not a dealer</source>
            <translation>the manufacturer's service gave it, not a dealer</translation>
        </message>
        <message>
            <source>answer saves the code a dealer (or with --manufacturer, the manufacturer's service) gave for a waiting job.</source>
            <translation>answer saves the code a dealer (or with --manufacturer, the manufacturer's service) gave for a waiting job.</translation>
        </message>
        <message>
            <source>Record whether the radio took the code</source>
            <translation>Record whether the radio took the code</translation>
        </message>
        <message>
            <source>who tried the code</source>
            <translation>who tried the code</translation>
        </message>
        <message>
            <source>outcome records whether the radio accepted a job's code: a code that worked is kept in the code database, a refused one is flagged for the next lookup.</source>
            <translation>outcome records whether the radio accepted a job's code: a code that worked is kept in the code database, a refused one is flagged for the next lookup.</translation>
        </message>
        <message>
            <source>which reading of a Blaupunkt 7th character that may be a letter or a digit the label shows (see lookup)</source>
            <translation>which reading of a Blaupunkt 7th character that may be a letter or a digit the label shows (see lookup)</translation>
        </message>
    </context>
    <context>
        <name>radiocode::gui::AnswerDialog</name>
        <message>
            <source>Enter the answer</source>
            <translation>Enter the answer</translation>
        </message>
        <message>
            <source>The code given for %1. It is kept in the code database with who gave it.</source>
            <translation>The code given for %1. It is kept in the code database with who gave it.</translation>
        </message>
        <message>
            <source>4 digits</source>
            <translation>4 digits</translation>
        </message>
        <message>
            <source>The answer came from the manufacturer's service</source>
            <translation>The answer came from the manufacturer's service</translation>
        </message>
        <message>
            <source>&amp;Code:</source>
            <translation>&amp;Code:</translation>
        </message>
        <message>
            <source>&amp;From:</source>
            <translation>&amp;From:</translation>
        </message>
    </context>
    <context>
        <name>radiocode::gui::CardDialog</name>
        <message>
            <source>The owner has the radio card</source>
            <translation>The owner has the radio card</translation>
        </message>
        <message>
            <source>The radio card (“Radio Pass”, “Safety-Nr”, PIN) holds the code for one radio: its serial must be this radio's, %1.</source>
            <translation>The radio card (“Radio Pass”, “Safety-Nr”, PIN) holds the code for one radio: its serial must be this radio's, %1.</translation>
        </message>
        <message>
            <source>the serial as printed on the card</source>
            <translation>the serial as printed on the card</translation>
        </message>
        <message>
            <source>4 digits</source>
            <translation>4 digits</translation>
        </message>
        <message>
            <source>Serial on the &amp;card:</source>
            <translation>Serial on the &amp;card:</translation>
        </message>
        <message>
            <source>&amp;Code on the card:</source>
            <translation>&amp;Code on the card:</translation>
        </message>
        <message>
            <source>&amp;Check and show the code</source>
            <translation>&amp;Check and show the code</translation>
        </message>
    </context>
    <context>
        <name>radiocode::gui::DatabaseIntegration</name>
        <message>
            <source>Record the code that worked</source>
            <translation>Record the code that worked</translation>
        </message>
        <message>
            <source>The 4-digit code the radio accepted for %1:</source>
            <translation>The 4-digit code the radio accepted for %1:</translation>
        </message>
        <message>
            <source>&amp;Import codes…</source>
            <translation>&amp;Import codes…</translation>
        </message>
        <message>
            <source>Job &amp;history…</source>
            <translation>Job &amp;history…</translation>
        </message>
        <message>
            <source>Database &amp;settings…</source>
            <translation>Database &amp;settings…</translation>
        </message>
        <message>
            <source>Save the job as done; a database code is marked as confirmed by you.</source>
            <translation>Save the job as done; a database code is marked as confirmed by you.</translation>
        </message>
        <message>
            <source>Count a wrong attempt for this radio and show what to do next.</source>
            <translation>Count a wrong attempt for this radio and show what to do next.</translation>
        </message>
        <message>
            <source>Keep this lookup in the job log.</source>
            <translation>Keep this lookup in the job log.</translation>
        </message>
        <message>
            <source>The code came from the radio card or the dealer and the radio accepted it: keep it in the code database.</source>
            <translation>The code came from the radio card or the dealer and the radio accepted it: keep it in the code database.</translation>
        </message>
        <message>
            <source>Using %1</source>
            <translation>Using %1</translation>
        </message>
        <message>
            <source>No code database: %1</source>
            <translation>No code database: %1</translation>
        </message>
        <message>
            <source>Codes were refused before</source>
            <translation>Codes were refused before</translation>
        </message>
        <message>
            <source>Job log</source>
            <translation>Job log</translation>
        </message>
        <message>
            <source>This code worked</source>
            <translation>This code worked</translation>
        </message>
        <message>
            <source>Your name, to mark the code as confirmed (leave empty to only save the job):</source>
            <translation>Your name, to mark the code as confirmed (leave empty to only save the job):</translation>
        </message>
        <message>
            <source>Code refused</source>
            <translation>Code refused</translation>
        </message>
        <message>
            <source>“%1” is not a code: a code is exactly 4 digits.</source>
            <translation>“%1” is not a code: a code is exactly 4 digits.</translation>
        </message>
        <message>
            <source>Your name (kept with the code, so colleagues know who confirmed it):</source>
            <translation>Your name (kept with the code, so colleagues know who confirmed it):</translation>
        </message>
        <message>
            <source>The database holds %1 for %2 (%3). Replace it with %4, which the radio accepted?</source>
            <translation>The database holds %1 for %2 (%3). Replace it with %4, which the radio accepted?</translation>
        </message>
        <message>
            <source>Code database</source>
            <translation>Code database</translation>
        </message>
        <message>
            <source>Using %1 read-only: lookups work, nothing can be saved</source>
            <translation>Using %1 read-only: lookups work, nothing can be saved</translation>
        </message>
        <message>
            <source>Save j&amp;ob</source>
            <translation>Save j&amp;ob</translation>
        </message>
        <message>
            <source>Opening the code database…</source>
            <translation>Opening the code database…</translation>
        </message>
        <message>
            <source>Job saved.</source>
            <translation>Job saved.</translation>
        </message>
        <message>
            <source>&amp;Workshop details…</source>
            <translation>&amp;Workshop details…</translation>
        </message>
        <message>
            <source>Code refused…</source>
            <translation>Code refused…</translation>
        </message>
        <message>
            <source>Record the code that worked…</source>
            <translation>Record the code that worked…</translation>
        </message>
        <message>
            <source>Record that the radio refused the code %1? This counts a wrong attempt for %2.</source>
            <translation>Record that the radio refused the code %1? This counts a wrong attempt for %2.</translation>
        </message>
        <message>
            <source>Record refusal</source>
            <translation>Record refusal</translation>
        </message>
        <message>
            <source>Code %1 recorded as worked. Job saved.</source>
            <translation>Code %1 recorded as worked. Job saved.</translation>
        </message>
        <message>
            <source>Code %1 recorded as worked and marked as confirmed by %2. Job saved.</source>
            <translation>Code %1 recorded as worked and marked as confirmed by %2. Job saved.</translation>
        </message>
        <message numerus="yes">
            <source>Code %1 recorded as refused (%n wrong attempt(s) in this job). Job saved.</source>
            <translation>
                <numerusform>Code %1 recorded as refused (%n wrong attempt in this job). Job saved.</numerusform>
                <numerusform>Code %1 recorded as refused (%n wrong attempts in this job). Job saved.</numerusform>
            </translation>
        </message>
        <message>
            <source>Connecting to %1 again…</source>
            <translation>Connecting to %1 again…</translation>
        </message>
        <message>
            <source>Lost the connection to %1</source>
            <translation>Lost the connection to %1</translation>
        </message>
    </context>
    <context>
        <name>radiocode::gui::DatabaseSession</name>
        <message>
            <source>The code database cannot be opened.</source>
            <translation>The code database cannot be opened.</translation>
        </message>
        <message>
            <source>The code database is being opened: try again in a moment.</source>
            <translation>The code database is being opened: try again in a moment.</translation>
        </message>
        <message>
            <source>The code database cannot be reached.</source>
            <translation>The code database cannot be reached.</translation>
        </message>
        <message>
            <source>Code database</source>
            <translation>Code database</translation>
        </message>
        <message>
            <source>The connection to the code database was lost. Connecting again…</source>
            <translation>The connection to the code database was lost. Connecting again…</translation>
        </message>
        <message>
            <source>Connecting to the code database…</source>
            <translation>Connecting to the code database…</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>The connection to the code database was lost and is being made again: try again in a moment.</source>
            <translation>The connection to the code database was lost and is being made again: try again in a moment.</translation>
        </message>
        <message>
            <source>The connection to the code database was lost and it cannot be reached yet (%1). Connecting again: try again in a moment.</source>
            <translation>The connection to the code database was lost and it cannot be reached yet (%1). Connecting again: try again in a moment.</translation>
        </message>
    </context>
    <context>
        <name>radiocode::gui::DatabaseSettingsPage</name>
        <message>
            <source>Code database</source>
            <translation>Code database</translation>
        </message>
        <message>
            <source>Blaupunkt and Becker codes come from the workshop's code database. Leave the field empty for the file on this computer, or enter a shared database:&lt;br&gt;&lt;tt&gt;sqlite:/path/file.db&lt;/tt&gt; or &lt;tt&gt;postgresql://user[:password]@host[:port]/dbname&lt;/tt&gt;&lt;br&gt;A password in the address is saved as plain text in this program's settings; leave it out to use the PostgreSQL password file (~/.pgpass) instead.</source>
            <translation>Blaupunkt and Becker codes come from the workshop's code database. Leave the field empty for the file on this computer, or enter a shared database:&lt;br&gt;&lt;tt&gt;sqlite:/path/file.db&lt;/tt&gt; or &lt;tt&gt;postgresql://user[:password]@host[:port]/dbname&lt;/tt&gt;&lt;br&gt;A password in the address is saved as plain text in this program's settings; leave it out to use the PostgreSQL password file (~/.pgpass) instead.</translation>
        </message>
        <message>
            <source>Use the &amp;default</source>
            <translation>Use the &amp;default</translation>
        </message>
        <message>
            <source>&amp;Test connection</source>
            <translation>&amp;Test connection</translation>
        </message>
        <message>
            <source>Note: the environment variable %1 is set, so this program uses %2 whatever is saved here.</source>
            <translation>Note: the environment variable %1 is set, so this program uses %2 whatever is saved here.</translation>
        </message>
        <message>
            <source>Connecting…</source>
            <translation>Connecting…</translation>
        </message>
        <message numerus="yes">
            <source>Connected: schema %1, %n code(s) stored.</source>
            <translation>
                <numerusform>Connected: schema %1, %n code stored.</numerusform>
                <numerusform>Connected: schema %1, %n codes stored.</numerusform>
            </translation>
        </message>
        <message>
            <source>Database address</source>
            <translation>Database address</translation>
        </message>
    </context>
    <context>
        <name>radiocode::gui::FamilyCard</name>
        <message>
            <source>Serial: %1. Code from: %2.</source>
            <translation>Serial: %1. Code from: %2.</translation>
        </message>
        <message>
            <source>%1 radio: serial %2</source>
            <translation>%1 radio: serial %2</translation>
        </message>
        <message>
            <source>On the drawing: %1</source>
            <translation>On the drawing: %1</translation>
        </message>
    </context>
    <context>
        <name>radiocode::gui::FamilyPage</name>
        <message>
            <source>&amp;Continue with %1</source>
            <translation>&amp;Continue with %1</translation>
        </message>
        <message>
            <source>&amp;Continue</source>
            <translation>&amp;Continue</translation>
        </message>
        <message>
            <source>The program recognises the radio family from the serial.</source>
            <translation>The program recognises the radio family from the serial.</translation>
        </message>
        <message>
            <source>Which radio?</source>
            <translation>Which radio?</translation>
        </message>
        <message>
            <source>Choose the make printed on the radio's label. The drawings show what each label looks like.</source>
            <translation>Choose the make printed on the radio's label. The drawings show what each label looks like.</translation>
        </message>
        <message>
            <source>&amp;Not sure? Type, paste or scan the serial:</source>
            <translation>&amp;Not sure? Type, paste or scan the serial:</translation>
        </message>
        <message>
            <source>e.g. BP53876 9672026, J727, M123456</source>
            <translation>e.g. BP53876 9672026, J727, M123456</translation>
        </message>
        <message>
            <source>Serial, any radio family</source>
            <translation>Serial, any radio family</translation>
        </message>
    </context>
    <context>
        <name>radiocode::gui::HelpPage</name>
        <message>
            <source>Help</source>
            <translation>Help</translation>
        </message>
        <message>
            <source>&amp;Close help</source>
            <translation>&amp;Close help</translation>
        </message>
        <message>
            <source>Help text</source>
            <translation>Help text</translation>
        </message>
        <message>
            <source>When the radio refuses the code</source>
            <translation>When the radio refuses the code</translation>
        </message>
        <message>
            <source>Attempts and lock-out</source>
            <translation>Attempts and lock-out</translation>
        </message>
        <message>
            <source>Entering a code</source>
            <translation>Entering a code</translation>
        </message>
        <message>
            <source>Station buttons 1 to 4 set the four digits: press 1 until the first digit shows, 2 for the second, 3 for the third and 4 for the fourth. Then confirm with the button the result page names.</source>
            <translation>Station buttons 1 to 4 set the four digits: press 1 until the first digit shows, 2 for the second, 3 for the third and 4 for the fourth. Then confirm with the button the result page names.</translation>
        </message>
        <message>
            <source>Keyboard</source>
            <translation>Keyboard</translation>
        </message>
        <message>
            <source>Go on: choose the focused card, look the serial up, next step</source>
            <translation>Go on: choose the focused card, look the serial up, next step</translation>
        </message>
        <message>
            <source>Back one step</source>
            <translation>Back one step</translation>
        </message>
        <message>
            <source>Choose Blaupunkt, Renault, Becker, Visteon</source>
            <translation>Choose Blaupunkt, Renault, Becker, Visteon</translation>
        </message>
        <message>
            <source>Zoom the label drawing</source>
            <translation>Zoom the label drawing</translation>
        </message>
        <message>
            <source>This help</source>
            <translation>This help</translation>
        </message>
        <message>
            <source>Barcode scanner</source>
            <translation>Barcode scanner</translation>
        </message>
        <message>
            <source>Scan the radio's label on any page: the program looks the serial up as a new radio, whatever had the focus. Keys typed by hand work as usual.</source>
            <translation>Scan the radio's label on any page: the program looks the serial up as a new radio, whatever had the focus. Keys typed by hand work as usual.</translation>
        </message>
    </context>
    <context>
        <name>radiocode::gui::HistoryWindow</name>
        <message>
            <source>Job history</source>
            <translation>Job history</translation>
        </message>
        <message>
            <source>All radios</source>
            <translation>All radios</translation>
        </message>
        <message>
            <source>Any outcome</source>
            <translation>Any outcome</translation>
        </message>
        <message>
            <source>From</source>
            <translation>From</translation>
        </message>
        <message>
            <source>To</source>
            <translation>To</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Radio</source>
            <translation>Radio</translation>
        </message>
        <message>
            <source>Serial</source>
            <translation>Serial</translation>
        </message>
        <message>
            <source>Code</source>
            <translation>Code</translation>
        </message>
        <message>
            <source>Outcome</source>
            <translation>Outcome</translation>
        </message>
        <message>
            <source>Attempts</source>
            <translation>Attempts</translation>
        </message>
        <message>
            <source>Customer</source>
            <translation>Customer</translation>
        </message>
        <message>
            <source>Registration</source>
            <translation>Registration</translation>
        </message>
        <message>
            <source>Technician</source>
            <translation>Technician</translation>
        </message>
        <message>
            <source>&amp;Reopen</source>
            <translation>&amp;Reopen</translation>
        </message>
        <message>
            <source>Re&amp;print sheet…</source>
            <translation>Re&amp;print sheet…</translation>
        </message>
        <message>
            <source>&amp;Export CSV…</source>
            <translation>&amp;Export CSV…</translation>
        </message>
        <message>
            <source>No code database is open: see Database ▸ Settings.</source>
            <translation>No code database is open: see Database ▸ Settings.</translation>
        </message>
        <message numerus="yes">
            <source>%n job(s)</source>
            <translation>
                <numerusform>%n job</numerusform>
                <numerusform>%n jobs</numerusform>
            </translation>
        </message>
        <message>
            <source>Cannot write %1: %2</source>
            <translation>Cannot write %1: %2</translation>
        </message>
        <message>
            <source>Export jobs</source>
            <translation>Export jobs</translation>
        </message>
        <message>
            <source>CSV files (*.csv)</source>
            <translation>CSV files (*.csv)</translation>
        </message>
        <message numerus="yes">
            <source>%n job(s) exported to %1.</source>
            <translation>
                <numerusform>%n job exported to %1.</numerusform>
                <numerusform>%n jobs exported to %1.</numerusform>
            </translation>
        </message>
        <message>
            <source>Serial, code, customer, registration, VIN, technician or notes</source>
            <translation>Serial, code, customer, registration, VIN, technician or notes</translation>
        </message>
        <message>
            <source>Search the jobs</source>
            <translation>Search the jobs</translation>
        </message>
        <message>
            <source>Waiting for codes</source>
            <translation>Waiting for codes</translation>
        </message>
        <message>
            <source>Radio family</source>
            <translation>Radio family</translation>
        </message>
        <message>
            <source>From date</source>
            <translation>From date</translation>
        </message>
        <message>
            <source>To date</source>
            <translation>To date</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>Notes</translation>
        </message>
        <message>
            <source>Jobs</source>
            <translation>Jobs</translation>
        </message>
        <message>
            <source>Change &amp;outcome</source>
            <translation>Change &amp;outcome</translation>
        </message>
        <message>
            <source>Enter the &amp;answer…</source>
            <translation>Enter the &amp;answer…</translation>
        </message>
        <message>
            <source>Enter the answer</source>
            <translation>Enter the answer</translation>
        </message>
        <message>
            <source>Choose a job under “Waiting for codes” first.</source>
            <translation>Choose a job under “Waiting for codes” first.</translation>
        </message>
        <message>
            <source>“%1” is not a code: a code is exactly 4 digits.</source>
            <translation>“%1” is not a code: a code is exactly 4 digits.</translation>
        </message>
        <message>
            <source>Say who gave the code: it is kept with the code.</source>
            <translation>Say who gave the code: it is kept with the code.</translation>
        </message>
        <message>
            <source>The code database holds %1 for this radio (%2), not %3: nothing was changed. Check the answer with %4.</source>
            <translation>The code database holds %1 for this radio (%2), not %3: nothing was changed. Check the answer with %4.</translation>
        </message>
        <message>
            <source>Job #%1 is no longer waiting for a code.</source>
            <translation>Job #%1 is no longer waiting for a code.</translation>
        </message>
        <message>
            <source>Change outcome</source>
            <translation>Change outcome</translation>
        </message>
        <message>
            <source>Job of %1 (%2): outcome changed to “%3”.</source>
            <translation>Job of %1 (%2): outcome changed to “%3”.</translation>
        </message>
        <message>
            <source>View &amp;label photo…</source>
            <translation>View &amp;label photo…</translation>
        </message>
        <message>
            <source>A photo of the label is kept with this job</source>
            <translation>A photo of the label is kept with this job</translation>
        </message>
        <message>
            <source>Label photo</source>
            <translation>Label photo</translation>
        </message>
    </context>
    <context>
        <name>radiocode::gui::ImportDialog</name>
        <message>
            <source>Import codes</source>
            <translation>Import codes</translation>
        </message>
        <message>
            <source>A CSV file with the columns serial and code</source>
            <translation>A CSV file with the columns serial and code</translation>
        </message>
        <message>
            <source>&amp;Choose file…</source>
            <translation>&amp;Choose file…</translation>
        </message>
        <message>
            <source>Choose the code list to import. Nothing is saved until you press Import.</source>
            <translation>Choose the code list to import. Nothing is saved until you press Import.</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Line</source>
            <translation>Line</translation>
        </message>
        <message>
            <source>Serial</source>
            <translation>Serial</translation>
        </message>
        <message>
            <source>Problem</source>
            <translation>Problem</translation>
        </message>
        <message>
            <source>Replace stored code</source>
            <translation>Replace stored code</translation>
        </message>
        <message>
            <source>&amp;Import</source>
            <translation>&amp;Import</translation>
        </message>
        <message>
            <source>Replace stored codes</source>
            <translation>Replace stored codes</translation>
        </message>
        <message>
            <source>Code lists (*.csv *.txt);;All files (*)</source>
            <translation>Code lists (*.csv *.txt);;All files (*)</translation>
        </message>
        <message numerus="yes">
            <source>Import the list and replace %n stored code(s) with the file's code? The replaced codes are gone afterwards.</source>
            <translation>
                <numerusform>Import the list and replace %n stored code with the file's code? The replaced codes are gone afterwards.</numerusform>
                <numerusform>Import the list and replace %n stored codes with the file's code? The replaced codes are gone afterwards.</numerusform>
            </translation>
        </message>
        <message>
            <source>Cancelling…</source>
            <translation>Cancelling…</translation>
        </message>
        <message>
            <source>Checking %1…</source>
            <translation>Checking %1…</translation>
        </message>
        <message>
            <source>Importing %1…</source>
            <translation>Importing %1…</translation>
        </message>
        <message>
            <source>Cannot read %1: %2</source>
            <translation>Cannot read %1: %2</translation>
        </message>
        <message>
            <source>%1 cannot be imported: %2</source>
            <translation>%1 cannot be imported: %2</translation>
        </message>
        <message>
            <source>Check cancelled. Nothing was saved.</source>
            <translation>Check cancelled. Nothing was saved.</translation>
        </message>
        <message>
            <source>Import cancelled. Nothing was saved.</source>
            <translation>Import cancelled. Nothing was saved.</translation>
        </message>
        <message>
            <source>%1 checked. If imported: %2.</source>
            <translation>%1 checked. If imported: %2.</translation>
        </message>
        <message>
            <source>Stored codes are kept; tick “Replace stored code” for a conflict only when you are sure the file is right.</source>
            <translation>Stored codes are kept; tick “Replace stored code” for a conflict only when you are sure the file is right.</translation>
        </message>
        <message>
            <source>Imported from %1: %2.</source>
            <translation>Imported from %1: %2.</translation>
        </message>
        <message numerus="yes">
            <source>%n stored code(s) replaced with the file's code.</source>
            <translation>
                <numerusform>%n stored code replaced with the file's code.</numerusform>
                <numerusform>%n stored codes replaced with the file's code.</numerusform>
            </translation>
        </message>
        <message>
            <source>Replacing the chosen codes failed.</source>
            <translation>Replacing the chosen codes failed.</translation>
        </message>
        <message>
            <source>Keep stored %1, or use %2</source>
            <translation>Keep stored %1, or use %2</translation>
        </message>
        <message>
            <source>Code list file</source>
            <translation>Code list file</translation>
        </message>
        <message>
            <source>The first rows of the file</source>
            <translation>The first rows of the file</translation>
        </message>
        <message>
            <source>&amp;Restore leading zeros a spreadsheet dropped (420 → 0420, marked in the source)</source>
            <translation>&amp;Restore leading zeros a spreadsheet dropped (420 → 0420, marked in the source)</translation>
        </message>
        <message>
            <source>&amp;Serial column:</source>
            <translation>&amp;Serial column:</translation>
        </message>
        <message>
            <source>C&amp;ode column:</source>
            <translation>C&amp;ode column:</translation>
        </message>
        <message>
            <source>Problems and conflicts in the file</source>
            <translation>Problems and conflicts in the file</translation>
        </message>
        <message>
            <source>Choose the serial and the code column above.</source>
            <translation>Choose the serial and the code column above.</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>%1: %2</translation>
        </message>
        <message>
            <source>(choose the serial column)</source>
            <translation>(choose the serial column)</translation>
        </message>
        <message>
            <source>(choose the code column)</source>
            <translation>(choose the code column)</translation>
        </message>
    </context>
    <context>
        <name>radiocode::gui::JobDetailsPage</name>
        <message>
            <source>Optional: 17 characters, never I, O or Q.</source>
            <translation>Optional: 17 characters, never I, O or Q.</translation>
        </message>
        <message>
            <source>Job details</source>
            <translation>Job details</translation>
        </message>
        <message>
            <source>Optional: these go on the instruction sheet. The technician's name is remembered for the next job.</source>
            <translation>Optional: these go on the instruction sheet. The technician's name is remembered for the next job.</translation>
        </message>
        <message>
            <source>C&amp;ustomer:</source>
            <translation>C&amp;ustomer:</translation>
        </message>
        <message>
            <source>&amp;Registration:</source>
            <translation>&amp;Registration:</translation>
        </message>
        <message>
            <source>V&amp;IN:</source>
            <translation>V&amp;IN:</translation>
        </message>
        <message>
            <source>&amp;Technician:</source>
            <translation>&amp;Technician:</translation>
        </message>
        <message>
            <source>N&amp;otes:</source>
            <translation>N&amp;otes:</translation>
        </message>
        <message>
            <source>Customer</source>
            <translation>Customer</translation>
        </message>
        <message>
            <source>Registration</source>
            <translation>Registration</translation>
        </message>
        <message>
            <source>Vehicle identification number</source>
            <translation>Vehicle identification number</translation>
        </message>
        <message>
            <source>Technician</source>
            <translation>Technician</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>Notes</translation>
        </message>
        <message>
            <source>&amp;Back to the code</source>
            <translation>&amp;Back to the code</translation>
        </message>
        <message>
            <source>Print pre&amp;view…</source>
            <translation>Print pre&amp;view…</translation>
        </message>
    </context>
    <context>
        <name>radiocode::gui::LabelGuidePage</name>
        <message>
            <source>Where is the serial? – %1</source>
            <translation>Where is the serial? – %1</translation>
        </message>
        <message>
            <source>Zoom &amp;in</source>
            <translation>Zoom &amp;in</translation>
        </message>
        <message>
            <source>Zoom &amp;out</source>
            <translation>Zoom &amp;out</translation>
        </message>
        <message>
            <source>Fit to &amp;window</source>
            <translation>Fit to &amp;window</translation>
        </message>
        <message>
            <source>Next: &amp;type the serial</source>
            <translation>Next: &amp;type the serial</translation>
        </message>
        <message>
            <source>Enter</source>
            <translation>Enter</translation>
        </message>
        <message>
            <source>Zoom in (Ctrl++, Ctrl+mouse wheel)</source>
            <translation>Zoom in (Ctrl++, Ctrl+mouse wheel)</translation>
        </message>
        <message>
            <source>Zoom out (Ctrl+-)</source>
            <translation>Zoom out (Ctrl+-)</translation>
        </message>
        <message>
            <source>Show the whole label (Ctrl+0)</source>
            <translation>Show the whole label (Ctrl+0)</translation>
        </message>
        <message>
            <source>Serial:</source>
            <translation>Serial:</translation>
        </message>
        <message>
            <source>Code from:</source>
            <translation>Code from:</translation>
        </message>
        <message>
            <source>The serial area is highlighted in orange on the drawing.</source>
            <translation>The serial area is highlighted in orange on the drawing.</translation>
        </message>
    </context>
    <context>
        <name>radiocode::gui::LabelPhotoViewer</name>
        <message>
            <source>Label photo of %1</source>
            <translation>Label photo of %1</translation>
        </message>
        <message>
            <source>The photo kept with this job cannot be shown: its data is damaged.</source>
            <translation>The photo kept with this job cannot be shown: its data is damaged.</translation>
        </message>
        <message>
            <source>Photo of the radio's label</source>
            <translation>Photo of the radio's label</translation>
        </message>
        <message>
            <source>Taken on %1.</source>
            <translation>Taken on %1.</translation>
        </message>
        <message>
            <source>Read off this picture as %1 on %2 (framed in green). Compare it with the serial of the job: %3.</source>
            <translation>Read off this picture as %1 on %2 (framed in green). Compare it with the serial of the job: %3.</translation>
        </message>
    </context>
    <context>
        <name>radiocode::gui::LabelScanIntegration</name>
        <message>
            <source>Read from a photo…</source>
            <translation>Read from a photo…</translation>
        </message>
        <message>
            <source>Find the serial on a photo or scan of the label (you can also drop a picture onto the window or paste one with Ctrl+V)</source>
            <translation>Find the serial on a photo or scan of the label (you can also drop a picture onto the window or paste one with Ctrl+V)</translation>
        </message>
        <message>
            <source>Use the webcam</source>
            <translation>Use the webcam</translation>
        </message>
        <message>
            <source>Use the webcam (none found)</source>
            <translation>Use the webcam (none found)</translation>
        </message>
        <message>
            <source>Read the serial from the label held in front of the webcam</source>
            <translation>Read the serial from the label held in front of the webcam</translation>
        </message>
        <message>
            <source>No webcam is connected. Connect one, then try again.</source>
            <translation>No webcam is connected. Connect one, then try again.</translation>
        </message>
        <message>
            <source>Read the serial from a photo</source>
            <translation>Read the serial from a photo</translation>
        </message>
        <message>
            <source>Pictures (%1)</source>
            <translation>Pictures (%1)</translation>
        </message>
        <message>
            <source>pasted picture</source>
            <translation>pasted picture</translation>
        </message>
    </context>
    <context>
        <name>radiocode::gui::MainWindow</name>
        <message>
            <source>About Nissan Radio Code Finder</source>
            <translation>About Nissan Radio Code Finder</translation>
        </message>
        <message>
            <source>&lt;p&gt;&lt;b&gt;Nissan Radio Code Finder %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Finds the unlock code of a Nissan radio (Blaupunkt, Renault, Becker, Visteon) and shows how to enter it.&lt;/p&gt;&lt;p&gt;Codes come only from the public Renault precode and Visteon M-serial algorithms or from the workshop's code database; every result says which.&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;Nissan Radio Code Finder %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Finds the unlock code of a Nissan radio (Blaupunkt, Renault, Becker, Visteon) and shows how to enter it.&lt;/p&gt;&lt;p&gt;Codes come only from the public Renault precode and Visteon M-serial algorithms or from the workshop's code database; every result says which.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>Code found for %1.</source>
            <translation>Code found for %1.</translation>
        </message>
        <message>
            <source>Radio</source>
            <translation>Radio</translation>
        </message>
        <message>
            <source>Label</source>
            <translation>Label</translation>
        </message>
        <message>
            <source>Serial</source>
            <translation>Serial</translation>
        </message>
        <message>
            <source>Code</source>
            <translation>Code</translation>
        </message>
        <message>
            <source>Job details</source>
            <translation>Job details</translation>
        </message>
        <message>
            <source>Help</source>
            <translation>Help</translation>
        </message>
        <message>
            <source>Step %1 of 5: %2</source>
            <translation>Step %1 of 5: %2</translation>
        </message>
        <message>
            <source>Check the VIN before printing.</source>
            <translation>Check the VIN before printing.</translation>
        </message>
        <message>
            <source>Print preview – instruction sheet</source>
            <translation>Print preview – instruction sheet</translation>
        </message>
        <message>
            <source>Print</source>
            <translation>Print</translation>
        </message>
        <message>
            <source>Check the VIN before saving the sheet.</source>
            <translation>Check the VIN before saving the sheet.</translation>
        </message>
        <message>
            <source>radio-code-%1.pdf</source>
            <translation>radio-code-%1.pdf</translation>
        </message>
        <message>
            <source>Save the instruction sheet as PDF</source>
            <translation>Save the instruction sheet as PDF</translation>
        </message>
        <message>
            <source>PDF files (*.pdf)</source>
            <translation>PDF files (*.pdf)</translation>
        </message>
        <message>
            <source>Save as PDF</source>
            <translation>Save as PDF</translation>
        </message>
        <message>
            <source>Saved %1.</source>
            <translation>Saved %1.</translation>
        </message>
        <message>
            <source>Workshop name</source>
            <translation>Workshop name</translation>
        </message>
        <message>
            <source>The workshop's name, printed at the top of every sheet:</source>
            <translation>The workshop's name, printed at the top of every sheet:</translation>
        </message>
        <message>
            <source>Nissan Radio Code Finder</source>
            <translation>Nissan Radio Code Finder</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;File</translation>
        </message>
        <message>
            <source>Print pre&amp;view…</source>
            <translation>Print pre&amp;view…</translation>
        </message>
        <message>
            <source>&amp;Print…</source>
            <translation>&amp;Print…</translation>
        </message>
        <message>
            <source>Save as P&amp;DF…</source>
            <translation>Save as P&amp;DF…</translation>
        </message>
        <message>
            <source>&amp;Workshop name…</source>
            <translation>&amp;Workshop name…</translation>
        </message>
        <message>
            <source>P&amp;aper size</source>
            <translation>P&amp;aper size</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Quit</translation>
        </message>
        <message>
            <source>&amp;Go</source>
            <translation>&amp;Go</translation>
        </message>
        <message>
            <source>&amp;New radio</source>
            <translation>&amp;New radio</translation>
        </message>
        <message>
            <source>&amp;Back</source>
            <translation>&amp;Back</translation>
        </message>
        <message>
            <source>&amp;Quick lookup</source>
            <translation>&amp;Quick lookup</translation>
        </message>
        <message>
            <source>&amp;Job details</source>
            <translation>&amp;Job details</translation>
        </message>
        <message>
            <source>&amp;Database</source>
            <translation>&amp;Database</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>&amp;Language</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Help</translation>
        </message>
        <message>
            <source>&amp;Troubleshooting and keys</source>
            <translation>&amp;Troubleshooting and keys</translation>
        </message>
        <message>
            <source>&amp;About</source>
            <translation>&amp;About</translation>
        </message>
        <message>
            <source>&amp;Quick lookup:</source>
            <translation>&amp;Quick lookup:</translation>
        </message>
        <message>
            <source>Serial of any radio, then Enter</source>
            <translation>Serial of any radio, then Enter</translation>
        </message>
        <message>
            <source>Quick lookup: serial of any radio</source>
            <translation>Quick lookup: serial of any radio</translation>
        </message>
        <message>
            <source>Back</source>
            <translation>Back</translation>
        </message>
        <message>
            <source>Back one step (Esc)</source>
            <translation>Back one step (Esc)</translation>
        </message>
        <message>
            <source>The job details (customer, registration, VIN, notes) were entered for %1. Keep them for %2?</source>
            <translation>The job details (customer, registration, VIN, notes) were entered for %1. Keep them for %2?</translation>
        </message>
        <message>
            <source>Another radio</source>
            <translation>Another radio</translation>
        </message>
        <message>
            <source>Keep them</source>
            <translation>Keep them</translation>
        </message>
        <message>
            <source>Clear them</source>
            <translation>Clear them</translation>
        </message>
        <message>
            <source>Another radio: the job details of %1 were cleared.</source>
            <translation>Another radio: the job details of %1 were cleared.</translation>
        </message>
        <message>
            <source>Scanned “%1”: this serial cannot be looked up as it is, see the message under it.</source>
            <translation>Scanned “%1”: this serial cannot be looked up as it is, see the message under it.</translation>
        </message>
        <message>
            <source>The code database now has a code for %1.</source>
            <translation>The code database now has a code for %1.</translation>
        </message>
        <message>
            <source>The code database's answer for %1 has changed.</source>
            <translation>The code database's answer for %1 has changed.</translation>
        </message>
        <message>
            <source>Sheet saved as %1.</source>
            <translation>Sheet saved as %1.</translation>
        </message>
        <message>
            <source>Sheet for %1 sent to the printer.</source>
            <translation>Sheet for %1 sent to the printer.</translation>
        </message>
        <message>
            <source>Printed: job %1 on %2</source>
            <translation>Printed: job %1 on %2</translation>
        </message>
        <message>
            <source>Nothing was printed.</source>
            <translation>Nothing was printed.</translation>
        </message>
        <message>
            <source>radio-code-card-%1.pdf</source>
            <translation>radio-code-card-%1.pdf</translation>
        </message>
        <message>
            <source>Print &amp;without asking (on the last printer)</source>
            <translation>Print &amp;without asking (on the last printer)</translation>
        </message>
        <message>
            <source>Print code &amp;card…</source>
            <translation>Print code &amp;card…</translation>
        </message>
        <message>
            <source>Code card (glovebo&amp;x)</source>
            <translation>Code card (glovebo&amp;x)</translation>
        </message>
        <message>
            <source>A small card with the code for the owner's handbook or the glovebox</source>
            <translation>A small card with the code for the owner's handbook or the glovebox</translation>
        </message>
        <message>
            <source>Print code card (85 × 54 mm)…</source>
            <translation>Print code card (85 × 54 mm)…</translation>
        </message>
        <message>
            <source>Print code label (62 mm label printer)…</source>
            <translation>Print code label (62 mm label printer)…</translation>
        </message>
        <message>
            <source>Save code card as PDF…</source>
            <translation>Save code card as PDF…</translation>
        </message>
        <message>
            <source>The code database answers again: it holds no code for %1.</source>
            <translation>The code database answers again: it holds no code for %1.</translation>
        </message>
    </context>
    <context>
        <name>radiocode::gui::MarkedInput</name>
        <message>
            <source>Character %1 is marked</source>
            <translation>Character %1 is marked</translation>
        </message>
    </context>
    <context>
        <name>radiocode::gui::NoCodeActions</name>
        <message>
            <source>The o&amp;wner has the radio card…</source>
            <translation>The o&amp;wner has the radio card…</translation>
        </message>
        <message>
            <source>Enter the serial and the code from the owner's radio card.</source>
            <translation>Enter the serial and the code from the owner's radio card.</translation>
        </message>
        <message>
            <source>Request th&amp;e code…</source>
            <translation>Request th&amp;e code…</translation>
        </message>
        <message>
            <source>Print a request for the code to a Nissan dealer or the manufacturer's service, and keep the job waiting for the answer.</source>
            <translation>Print a request for the code to a Nissan dealer or the manufacturer's service, and keep the job waiting for the answer.</translation>
        </message>
        <message>
            <source>The card's serial: %1</source>
            <translation>The card's serial: %1</translation>
        </message>
        <message>
            <source>“%1” is not a code: a code is exactly 4 digits.</source>
            <translation>“%1” is not a code: a code is exactly 4 digits.</translation>
        </message>
        <message>
            <source>Job #%1 is waiting for the code.</source>
            <translation>Job #%1 is waiting for the code.</translation>
        </message>
        <message>
            <source>Job #%1 is waiting for the code from %2.</source>
            <translation>Job #%1 is waiting for the code from %2.</translation>
        </message>
        <message>
            <source>job #%1</source>
            <translation>job #%1</translation>
        </message>
        <message>
            <source>Request the code</source>
            <translation>Request the code</translation>
        </message>
        <message>
            <source>Save the request as PDF</source>
            <translation>Save the request as PDF</translation>
        </message>
        <message>
            <source>PDF files (*.pdf)</source>
            <translation>PDF files (*.pdf)</translation>
        </message>
        <message>
            <source>The request could not be printed.</source>
            <translation>The request could not be printed.</translation>
        </message>
        <message>
            <source>Database ▸ Job history ▸ Waiting for codes.</source>
            <translation>Database ▸ Job history ▸ Waiting for codes.</translation>
        </message>
    </context>
    <context>
        <name>radiocode::gui::PhotoReaderDialog</name>
        <message>
            <source>Read the serial from a photo</source>
            <translation>Read the serial from a photo</translation>
        </message>
        <message>
            <source>No picture yet.</source>
            <translation>No picture yet.</translation>
        </message>
        <message>
            <source>Picture: %1</source>
            <translation>Picture: %1</translation>
        </message>
        <message>
            <source>A serial read off a picture can be misread: compare it with the label before you look up the code.</source>
            <translation>A serial read off a picture can be misread: compare it with the label before you look up the code.</translation>
        </message>
        <message>
            <source>Stop reading</source>
            <translation>Stop reading</translation>
        </message>
        <message>
            <source>Zoom in</source>
            <translation>Zoom in</translation>
        </message>
        <message>
            <source>Zoom out</source>
            <translation>Zoom out</translation>
        </message>
        <message>
            <source>Fit</source>
            <translation>Fit</translation>
        </message>
        <message>
            <source>Use this serial</source>
            <translation>Use this serial</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>%1 does not exist (any more).</source>
            <translation>%1 does not exist (any more).</translation>
        </message>
        <message>
            <source>%1 cannot be read: it is a folder, or you have no permission to read it.</source>
            <translation>%1 cannot be read: it is a folder, or you have no permission to read it.</translation>
        </message>
        <message>
            <source>%1 is not a picture this program can read. Use a PNG or JPEG file.</source>
            <translation>%1 is not a picture this program can read. Use a PNG or JPEG file.</translation>
        </message>
        <message>
            <source>%1 is damaged or cut short. Take or save the picture again.</source>
            <translation>%1 is damaged or cut short. Take or save the picture again.</translation>
        </message>
        <message>
            <source>%1 is larger than %2 megapixels. Save a smaller copy and try again.</source>
            <translation>%1 is larger than %2 megapixels. Save a smaller copy and try again.</translation>
        </message>
        <message>
            <source>Reading the label…</source>
            <translation>Reading the label…</translation>
        </message>
        <message>
            <source>unknown radio</source>
            <translation>unknown radio</translation>
        </message>
        <message>
            <source>barcode (%1)</source>
            <translation>barcode (%1)</translation>
        </message>
        <message>
            <source>printed text, %1% sure</source>
            <translation>printed text, %1% sure</translation>
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
            <translation>%1 – read as “%2”
%3 · %4</translation>
        </message>
        <message>
            <source>Reading stopped. Nothing was taken from this picture.</source>
            <translation>Reading stopped. Nothing was taken from this picture.</translation>
        </message>
        <message>
            <source>No serial found on this picture. Take the photo closer and straight on, with light on the label, or type the serial.</source>
            <translation>No serial found on this picture. Take the photo closer and straight on, with light on the label, or type the serial.</translation>
        </message>
        <message numerus="yes">
            <source>%n different serials on this picture: choose the one on this radio.</source>
            <translation>
                <numerusform>%n different serials on this picture: choose the one on this radio.</numerusform>
                <numerusform>%n different serials on this picture: choose the one on this radio.</numerusform>
            </translation>
        </message>
        <message>
            <source>Found one serial. Check it against the label, then use it.</source>
            <translation>Found one serial. Check it against the label, then use it.</translation>
        </message>
        <message>
            <source>Something like a serial was read, but a character looks wrong: check the label.</source>
            <translation>Something like a serial was read, but a character looks wrong: check the label.</translation>
        </message>
        <message>
            <source>&amp;Keep this picture with the job</source>
            <translation>&amp;Keep this picture with the job</translation>
        </message>
        <message>
            <source>A small copy is saved with the job and printed on the sheet, so a refused code can be checked against the real label</source>
            <translation>A small copy is saved with the job and printed on the sheet, so a refused code can be checked against the real label</translation>
        </message>
        <message>
            <source>%1 – %2
%3 · %4
Part number %5 (printed text, %6% sure; it fits the serial)</source>
            <translation>%1 – %2
%3 · %4
Part number %5 (printed text, %6% sure; it fits the serial)</translation>
        </message>
        <message>
            <source>A part number was read that does not fit the serial, so it was not taken: compare both with the label and type the part number.</source>
            <translation>A part number was read that does not fit the serial, so it was not taken: compare both with the label and type the part number.</translation>
        </message>
    </context>
    <context>
        <name>radiocode::gui::RequestDialog</name>
        <message>
            <source>Request the code</source>
            <translation>Request the code</translation>
        </message>
        <message>
            <source>A letter for a Nissan dealer or the %1 service: the workshop, the vehicle, the radio and the proof of ownership to enclose, with the owner's signature. Empty fields are left blank to fill in by hand.</source>
            <translation>A letter for a Nissan dealer or the %1 service: the workshop, the vehicle, the radio and the proof of ownership to enclose, with the owner's signature. Empty fields are left blank to fill in by hand.</translation>
        </message>
        <message>
            <source>The workshop's details are not set yet: Database ▸ Workshop details.</source>
            <translation>The workshop's details are not set yet: Database ▸ Workshop details.</translation>
        </message>
        <message>
            <source>From: %1.</source>
            <translation>From: %1.</translation>
        </message>
        <message>
            <source>e.g. the Nissan dealer's name</source>
            <translation>e.g. the Nissan dealer's name</translation>
        </message>
        <message>
            <source>&amp;To:</source>
            <translation>&amp;To:</translation>
        </message>
        <message>
            <source>Radio:</source>
            <translation>Radio:</translation>
        </message>
        <message>
            <source>%1 · serial %2</source>
            <translation>%1 · serial %2</translation>
        </message>
        <message>
            <source>10 digits on the label, 7 6…</source>
            <translation>10 digits on the label, 7 6…</translation>
        </message>
        <message>
            <source>&amp;Part number:</source>
            <translation>&amp;Part number:</translation>
        </message>
        <message>
            <source>&amp;VIN:</source>
            <translation>&amp;VIN:</translation>
        </message>
        <message>
            <source>&amp;Registration:</source>
            <translation>&amp;Registration:</translation>
        </message>
        <message>
            <source>&amp;Owner:</source>
            <translation>&amp;Owner:</translation>
        </message>
        <message>
            <source>&amp;Language of the letter:</source>
            <translation>&amp;Language of the letter:</translation>
        </message>
        <message>
            <source>&amp;Save as PDF…</source>
            <translation>&amp;Save as PDF…</translation>
        </message>
        <message>
            <source>&amp;Print…</source>
            <translation>&amp;Print…</translation>
        </message>
    </context>
    <context>
        <name>radiocode::gui::ResultPage</name>
        <message>
            <source>%1 · serial %2</source>
            <translation>%1 · serial %2</translation>
        </message>
        <message>
            <source>Source: %1</source>
            <translation>Source: %1</translation>
        </message>
        <message>
            <source>You can still print the instruction sheet and write the code in its boxes once it is known.</source>
            <translation>You can still print the instruction sheet and write the code in its boxes once it is known.</translation>
        </message>
        <message>
            <source>Step</source>
            <translation>Step</translation>
        </message>
        <message>
            <source>Button</source>
            <translation>Button</translation>
        </message>
        <message>
            <source>Press until the display shows</source>
            <translation>Press until the display shows</translation>
        </message>
        <message>
            <source>digit %1 of the code</source>
            <translation>digit %1 of the code</translation>
        </message>
        <message>
            <source>Then: %1</source>
            <translation>Then: %1</translation>
        </message>
        <message>
            <source>Caution</source>
            <translation>Caution</translation>
        </message>
        <message>
            <source>Enter the code on the radio</source>
            <translation>Enter the code on the radio</translation>
        </message>
        <message>
            <source>Cautions</source>
            <translation>Cautions</translation>
        </message>
        <message>
            <source>If the radio refuses the code</source>
            <translation>If the radio refuses the code</translation>
        </message>
        <message>
            <source>What to do next</source>
            <translation>What to do next</translation>
        </message>
        <message>
            <source>Print pre&amp;view…</source>
            <translation>Print pre&amp;view…</translation>
        </message>
        <message>
            <source>&amp;Print…</source>
            <translation>&amp;Print…</translation>
        </message>
        <message>
            <source>&amp;Save as PDF…</source>
            <translation>&amp;Save as PDF…</translation>
        </message>
        <message>
            <source>&amp;Job details…</source>
            <translation>&amp;Job details…</translation>
        </message>
        <message>
            <source>&amp;New radio</source>
            <translation>&amp;New radio</translation>
        </message>
        <message>
            <source>Steps to enter the code</source>
            <translation>Steps to enter the code</translation>
        </message>
        <message>
            <source>%1 · part number %2 (agrees with the serial)</source>
            <translation>%1 · part number %2 (agrees with the serial)</translation>
        </message>
        <message>
            <source>%1 · unchecked serial</source>
            <translation>%1 · unchecked serial</translation>
        </message>
        <message>
            <source>Digit %1: %2</source>
            <translation>Digit %1: %2</translation>
        </message>
        <message>
            <source>Station button %1</source>
            <translation>Station button %1</translation>
        </message>
        <message>
            <source>The code database is empty: no dealer code list has been imported yet, so no Blaupunkt or Becker code can be found.</source>
            <translation>The code database is empty: no dealer code list has been imported yet, so no Blaupunkt or Becker code can be found.</translation>
        </message>
        <message>
            <source>Import codes…</source>
            <translation>Import codes…</translation>
        </message>
        <message>
            <source>Both readings were looked up. Which does the label show as the 7th character? Only that reading is then looked up, and the job and the sheet say which it is.</source>
            <translation>Both readings were looked up. Which does the label show as the 7th character? Only that reading is then looked up, and the job and the sheet say which it is.</translation>
        </message>
        <message>
            <source>Which does the label show as the 7th character? The job and the sheet then say which reading it is.</source>
            <translation>Which does the label show as the 7th character? The job and the sheet then say which reading it is.</translation>
        </message>
    </context>
    <context>
        <name>radiocode::gui::SerialEntryPage</name>
        <message>
            <source>Type the serial – %1</source>
            <translation>Type the serial – %1</translation>
        </message>
        <message>
            <source>%1 serial: %2. Type it as printed, paste it or scan the label's barcode; every character is checked as you type.</source>
            <translation>%1 serial: %2. Type it as printed, paste it or scan the label's barcode; every character is checked as you type.</translation>
        </message>
        <message>
            <source>&amp;Serial:</source>
            <translation>&amp;Serial:</translation>
        </message>
        <message>
            <source>%1 serial</source>
            <translation>%1 serial</translation>
        </message>
        <message>
            <source>&amp;Model No:</source>
            <translation>&amp;Model No:</translation>
        </message>
        <message>
            <source>Se&amp;rial No:</source>
            <translation>Se&amp;rial No:</translation>
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
            <translation>Find the &amp;code</translation>
        </message>
        <message>
            <source>Enter</source>
            <translation>Enter</translation>
        </message>
        <message>
            <source>&amp;Where is the serial?</source>
            <translation>&amp;Where is the serial?</translation>
        </message>
        <message>
            <source>well formed: checked against the serial once the serial is complete.</source>
            <translation>well formed: checked against the serial once the serial is complete.</translation>
        </message>
        <message>
            <source>Part n&amp;umber (optional):</source>
            <translation>Part n&amp;umber (optional):</translation>
        </message>
        <message>
            <source>Blaupunkt part number</source>
            <translation>Blaupunkt part number</translation>
        </message>
        <message>
            <source>Which does the label show as the 7th character? Only that reading is then looked up.</source>
            <translation>Which does the label show as the 7th character? Only that reading is then looked up.</translation>
        </message>
        <message>
            <source>Look up only %1</source>
            <translation>Look up only %1</translation>
        </message>
        <message>
            <source>Two different codes are on record, one for each reading: which does the label show?</source>
            <translation>Two different codes are on record, one for each reading: which does the label show?</translation>
        </message>
    </context>
    <context>
        <name>radiocode::gui::StatusLine</name>
        <message>
            <source>Input state</source>
            <translation>Input state</translation>
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
            <translation>&amp;Copy message</translation>
        </message>
    </context>
    <context>
        <name>radiocode::gui::SuggestionBar</name>
        <message>
            <source>Did you mean one of these?</source>
            <translation>Did you mean one of these?</translation>
        </message>
        <message>
            <source>Use %1</source>
            <translation>Use %1</translation>
        </message>
    </context>
    <context>
        <name>radiocode::gui::WebcamDialog</name>
        <message>
            <source>Read the serial with the webcam</source>
            <translation>Read the serial with the webcam</translation>
        </message>
        <message>
            <source>Hold the label still in front of the camera. A serial read off a picture can be misread: compare it with the label.</source>
            <translation>Hold the label still in front of the camera. A serial read off a picture can be misread: compare it with the label.</translation>
        </message>
        <message>
            <source>Try again</source>
            <translation>Try again</translation>
        </message>
        <message>
            <source>Use this serial</source>
            <translation>Use this serial</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>No webcam found. Connect one and press Try again, or read the serial from a photo.</source>
            <translation>No webcam found. Connect one and press Try again, or read the serial from a photo.</translation>
        </message>
        <message>
            <source>The webcam was disconnected. Connect it again and press Try again, or read the serial from a photo.</source>
            <translation>The webcam was disconnected. Connect it again and press Try again, or read the serial from a photo.</translation>
        </message>
        <message>
            <source>The webcam stopped with an error. Press Try again, or read the serial from a photo.</source>
            <translation>The webcam stopped with an error. Press Try again, or read the serial from a photo.</translation>
        </message>
        <message>
            <source>Read before it stopped: %1.</source>
            <translation>Read before it stopped: %1.</translation>
        </message>
        <message numerus="yes">
            <source>Found %1 (the same in %n frames in a row). Check it against the label, then use it.</source>
            <translation>
                <numerusform>Found %1 (the same in %n frames in a row). Check it against the label, then use it.</numerusform>
                <numerusform>Found %1 (the same in %n frames in a row). Check it against the label, then use it.</numerusform>
            </translation>
        </message>
        <message>
            <source>Two different serials in view: show the camera one label only.</source>
            <translation>Two different serials in view: show the camera one label only.</translation>
        </message>
        <message>
            <source>Reading… hold still.</source>
            <translation>Reading… hold still.</translation>
        </message>
        <message>
            <source>Looking for a serial…</source>
            <translation>Looking for a serial…</translation>
        </message>
        <message>
            <source>&amp;Keep this picture with the job</source>
            <translation>&amp;Keep this picture with the job</translation>
        </message>
        <message>
            <source>A small copy is saved with the job and printed on the sheet, so a refused code can be checked against the real label</source>
            <translation>A small copy is saved with the job and printed on the sheet, so a refused code can be checked against the real label</translation>
        </message>
    </context>
    <context>
        <name>radiocode::gui::WorkshopDialog</name>
        <message>
            <source>Workshop details</source>
            <translation>Workshop details</translation>
        </message>
        <message>
            <source>phone, e-mail</source>
            <translation>phone, e-mail</translation>
        </message>
        <message>
            <source>never</source>
            <translation>never</translation>
        </message>
        <message>
            <source> days</source>
            <translation> days</translation>
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation>&amp;Name:</translation>
        </message>
        <message>
            <source>&amp;Address:</source>
            <translation>&amp;Address:</translation>
        </message>
        <message>
            <source>&amp;Contact:</source>
            <translation>&amp;Contact:</translation>
        </message>
        <message>
            <source>&amp;Remind about code requests after:</source>
            <translation>&amp;Remind about code requests after:</translation>
        </message>
        <message>
            <source>The name is printed on every instruction sheet; name, address and contact head every code request.</source>
            <translation>The name is printed on every instruction sheet; name, address and contact head every code request.</translation>
        </message>
    </context>
</TS>
