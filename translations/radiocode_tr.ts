<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="tr_TR" sourcelanguage="en">
    <context>
        <name>Accessibility</name>
        <message>
            <source>Clear</source>
            <translation>Temizle</translation>
        </message>
        <message>
            <source>Empties the field</source>
            <translation>Alanı boşaltır</translation>
        </message>
        <message>
            <source>Drawing of the %1 label</source>
            <translation>%1 etiketinin çizimi</translation>
        </message>
        <message>
            <source>The precode is highlighted in orange twice: as the last 4 characters of the small text under the long barcode (…RTBT019), and large at the bottom left (T019). Holding buttons 1 and 6 shows it on the display.</source>
            <translation>Ön kod iki yerde turuncu renkle vurgulanmıştır: uzun barkodun altındaki küçük puntoyla yazılmış metnin son 4 karakteri olarak (…RTBT019) ve sol altta büyük olarak (T019). 1 ve 6 numaralı istasyon tuşları basılı tutulunca ön kod ekranda görünür.</translation>
        </message>
        <message>
            <source>Two fields are highlighted in orange: Model No (BE and 4 digits, for example BE 4757) and, below it, Serial No (8 digits, for example 35000375). Enter BE, the model digits and the serial digits: BE475735000375.</source>
            <translation>İki alan turuncu renkle vurgulanmıştır: Model No (BE ve 4 hane, örneğin BE 4757) ve altında Serial No (8 hane, örneğin 35000375). BE, model hanelerini ve seri hanelerini girin: BE475735000375.</translation>
        </message>
        <message>
            <source>The serial, M and 6 digits (for example M123456), is highlighted in orange at the top right, under the word SERIAL. Some units show it on the display while buttons 1 and 6 are held.</source>
            <translation>M ve 6 haneden oluşan seri numarası (örneğin M123456) sağ üstte, SERİ NUMARASI yazısının altında turuncu renkle vurgulanmıştır. Bazı cihazlar 1 ve 6 numaralı istasyon tuşları basılı tutulunca seri numarasını ekranda gösterir.</translation>
        </message>
        <message>
            <source>Code %1</source>
            <translation>Kod %1</translation>
        </message>
        <message>
            <source>The serial, BP and 12 characters (for example BP53876 9672026), is highlighted in orange at the bottom left, under the barcode and a 17-character line starting 815CM. The part number, 10 digits starting 7 6, is at the top right.</source>
            <translation>BP ve 12 karakterden oluşan seri numarası (örneğin BP53876 9672026) sol altta, barkodun ve 815CM ile başlayan 17 karakterlik satırın altında turuncu renkle vurgulanmıştır. 7 6 ile başlayan 10 haneli parça numarası sağ üsttedir.</translation>
        </message>
    </context>
    <context>
        <name>CupsPrinting</name>
        <message>
            <source>The print system (CUPS) cannot be reached at %1. Check that the CUPS service is running.</source>
            <translation>Yazdırma sistemine (CUPS) şu adresten ulaşılamıyor: %1. CUPS hizmetinin çalıştığını kontrol edin.</translation>
        </message>
        <message>
            <source>%1 ("%2")</source>
            <translation>%1 (“%2”)</translation>
        </message>
        <message>
            <source>There is no printer named "%1": no printer is set up on this computer.</source>
            <translation>“%1” adlı yazıcı yok: bu bilgisayarda kurulu yazıcı yok.</translation>
        </message>
        <message>
            <source>There is no printer named "%1". Printers: %2.</source>
            <translation>“%1” adlı yazıcı yok. Yazıcılar: %2.</translation>
        </message>
        <message>
            <source>No printer is set up on this computer. Add one in the system's printer settings (or with lpadmin), then print again.</source>
            <translation>Bu bilgisayarda kurulu yazıcı yok. Sistemin yazıcı ayarlarından (veya lpadmin ile) bir yazıcı ekleyin, sonra yeniden yazdırın.</translation>
        </message>
        <message>
            <source>No default printer is set. Printers: %1. Choose one, or make one the default with "lpoptions -d NAME".</source>
            <translation>Varsayılan yazıcı ayarlanmamış. Yazıcılar: %1. Birini seçin veya “lpoptions -d NAME” ile birini varsayılan yapın.</translation>
        </message>
        <message>
            <source>The printer %1 is stopped: a job would wait in its queue. Start it (cupsenable %1) or choose another printer.</source>
            <translation>%1 yazıcısı durdurulmuş: yazdırma işi kuyrukta bekler. Yazıcıyı başlatın (cupsenable %1) veya başka bir yazıcı seçin.</translation>
        </message>
        <message>
            <source>The printer %1 does not accept jobs. Let it accept them (cupsaccept %1) or choose another printer.</source>
            <translation>%1 yazıcısı yazdırma işi kabul etmiyor. Kabul etmesini sağlayın (cupsaccept %1) veya başka bir yazıcı seçin.</translation>
        </message>
        <message>
            <source>The printer %1 refused the job: %2</source>
            <translation>%1 yazıcısı yazdırma işini reddetti: %2</translation>
        </message>
        <message>
            <source>The document could not be sent to the printer %1: %2</source>
            <translation>Belge şu yazıcıya gönderilemedi: %1: %2</translation>
        </message>
    </context>
    <context>
        <name>Database</name>
        <message>
            <source>The SQLite driver for Qt is not installed (libqt6sql6-sqlite).</source>
            <translation>Qt için SQLite sürücüsü kurulu değil (libqt6sql6-sqlite).</translation>
        </message>
        <message>
            <source>Cannot create the folder %1 for the database.</source>
            <translation>Veritabanı için %1 klasörü oluşturulamıyor.</translation>
        </message>
        <message>
            <source>%1 is a folder: the database must be a file.</source>
            <translation>%1 bir klasör: veritabanı bir dosya olmalıdır.</translation>
        </message>
        <message>
            <source>Cannot create the database file %1: %2</source>
            <translation>Veritabanı dosyası oluşturulamıyor: %1: %2</translation>
        </message>
        <message>
            <source>The database file %1 is read-only: ask for write access to it or choose another database.</source>
            <translation>Veritabanı dosyası salt okunur: %1. Bu dosya için yazma izni isteyin veya başka bir veritabanı seçin.</translation>
        </message>
        <message>
            <source>The folder %1 is read-only: SQLite needs to write its journal beside the database file.</source>
            <translation>Klasör salt okunur: %1. SQLite, günlük dosyasını veritabanı dosyasının yanına yazabilmelidir.</translation>
        </message>
        <message>
            <source>The PostgreSQL driver for Qt is not installed (libqt6sql6-psql).</source>
            <translation>Qt için PostgreSQL sürücüsü kurulu değil (libqt6sql6-psql).</translation>
        </message>
        <message>
            <source>Cannot connect to the database %1: %2</source>
            <translation>Veritabanına bağlanılamıyor: %1: %2</translation>
        </message>
        <message>
            <source>The database %1 was written by a newer version of this program (schema %2; this version knows up to schema %3). It was not changed: update the program to use it.</source>
            <translation>%1 veritabanı bu programın daha yeni bir sürümüyle yazılmış (şema %2; bu sürümün tanıdığı en yüksek şema: %3). Veritabanı değiştirilmedi: kullanmak için programı güncelleyin.</translation>
        </message>
        <message>
            <source>The database %1 holds other tables (%2) and is not a radiocode database: choose another one.</source>
            <translation>%1 veritabanı başka tablolar içeriyor (%2) ve bir radiocode veritabanı değil: başka bir veritabanı seçin.</translation>
        </message>
        <message>
            <source>Updating the database to schema %1 failed, nothing was changed: %2</source>
            <translation>Veritabanı şema %1 sürümüne güncellenemedi, hiçbir şey değiştirilmedi: %2</translation>
        </message>
        <message>
            <source>The database %1 is locked by another program that is writing to it. Try again in a moment, or close the other program.</source>
            <translation>%1 veritabanı, ona yazmakta olan başka bir program tarafından kilitlenmiş. Biraz sonra tekrar deneyin veya diğer programı kapatın.</translation>
        </message>
        <message>
            <source>%1 is not a radiocode database, or it is damaged (%2). Choose another file; this one was not changed.</source>
            <translation>%1 bir radiocode veritabanı değil ya da hasarlı (%2). Başka bir dosya seçin; bu dosya değiştirilmedi.</translation>
        </message>
        <message>
            <source>Cannot open the database file %1 (%2).</source>
            <translation>Veritabanı dosyası açılamıyor: %1 (%2).</translation>
        </message>
        <message>
            <source>Lost the connection to the database %1: %2</source>
            <translation>Veritabanı bağlantısı koptu: %1: %2</translation>
        </message>
        <message>
            <source>The database %1 reported an error: %2</source>
            <translation>Veritabanı bir hata bildirdi: %1: %2</translation>
        </message>
        <message>
            <source>The file is UTF-16 text: save it as CSV in UTF-8 and import it again.</source>
            <translation>Dosya UTF-16 metin: UTF-8 kodlamalı CSV olarak kaydedip yeniden içe aktarın.</translation>
        </message>
        <message>
            <source>Line %1, the header, has a quote that is never closed.</source>
            <translation>Satır %1 (başlık satırı): kapatılmamış bir tırnak işareti var.</translation>
        </message>
        <message>
            <source>The file is empty: a code list starts with a header line naming the columns “serial” and “code”.</source>
            <translation>Dosya boş: bir kod listesi, “serial” ve “code” sütunlarını adlandıran bir başlık satırıyla başlar.</translation>
        </message>
        <message>
            <source>%1 is already stored with code %2 (%3); the file says %4: the stored code was kept.</source>
            <translation>%1 zaten %2 koduyla kayıtlı (%3); dosyadaki kod: %4. Kayıtlı kod korundu.</translation>
        </message>
        <message>
            <source>line %1 of this file</source>
            <translation>bu dosyanın %1. satırı</translation>
        </message>
        <message>
            <source>A quoted field is never closed (a " is missing): row skipped.</source>
            <translation>Tırnak içindeki bir alan kapatılmamış (bir " eksik): satır atlandı.</translation>
        </message>
        <message numerus="yes">
            <source>The row has %n column(s); the serial and the code need %1.</source>
            <translation>
                <numerusform>Satırda %n sütun var; seri numarası ve kod için %1 sütun gerekir.</numerusform>
            </translation>
        </message>
        <message>
            <source>The serial is empty.</source>
            <translation>Seri numarası boş.</translation>
        </message>
        <message>
            <source>Serial “%1”: %2</source>
            <translation>Seri numarası “%1”: %2</translation>
        </message>
        <message>
            <source>%1 is a %2 serial: its code is computed with the public algorithm, not stored.</source>
            <translation>%1 bir %2 seri numarasıdır: kodu saklanmaz, bilinen (açık) algoritmayla hesaplanır.</translation>
        </message>
        <message>
            <source>The code “%1” for %2 is not exactly 4 digits.</source>
            <translation>%2 için “%1” kodu tam olarak 4 haneli değil.</translation>
        </message>
        <message>
            <source>Cannot write the export: %1</source>
            <translation>Dışa aktarım dosyası yazılamıyor: %1</translation>
        </message>
        <message>
            <source>Job %1 does not exist.</source>
            <translation>%1 numaralı iş emri yok.</translation>
        </message>
        <message>
            <source>%1 The database needs updating to schema %2 first, which cannot be done while it cannot be written.</source>
            <translation>%1 Veritabanının önce %2 şemasına güncellenmesi gerekiyor; veritabanına yazılamadığı sürece bu yapılamaz.</translation>
        </message>
        <message>
            <source>%1 Nothing can be saved until then; lookups still work.</source>
            <translation>%1 O zamana kadar hiçbir şey kaydedilemez; sorgular çalışmaya devam eder.</translation>
        </message>
        <message>
            <source>Lost the connection to the database %1 and cannot connect again. Check that the server is running and reachable, then try again.</source>
            <translation>%1 veritabanıyla bağlantı koptu ve yeniden kurulamıyor. Sunucunun çalıştığını ve erişilebilir olduğunu kontrol edip tekrar deneyin.</translation>
        </message>
        <message>
            <source>Lost the connection to the database %1 and cannot connect again (%2). Check that the server is running and reachable, then try again.</source>
            <translation>%1 veritabanıyla bağlantı koptu ve yeniden kurulamıyor (%2). Sunucunun çalıştığını ve erişilebilir olduğunu kontrol edip tekrar deneyin.</translation>
        </message>
        <message>
            <source>Writing the database file %1 failed: it reached the file size limit set for this program (%2). Nothing was saved; raise the limit (ulimit -f) or ask whoever set it, then try again.</source>
            <translation>%1 veritabanı dosyasına yazılamadı: bu program için belirlenen dosya boyutu sınırına ulaşıldı (%2). Hiçbir şey kaydedilmedi; sınırı yükseltin (ulimit -f) veya sınırı koyan kişiye sorun, sonra tekrar deneyin.</translation>
        </message>
        <message>
            <source>The disk holding the database file %1 is full: nothing was saved. Free some space, then try again.</source>
            <translation>%1 veritabanı dosyasının bulunduğu disk dolu: hiçbir şey kaydedilmedi. Biraz yer açın, sonra tekrar deneyin.</translation>
        </message>
        <message>
            <source>Reading or writing the database file %1 failed (%2): the disk may be full, the file may have hit a size limit, or the disk may be failing. Nothing was saved.</source>
            <translation>%1 veritabanı dosyası okunamadı veya yazılamadı (%2): disk dolu olabilir, dosya bir boyut sınırına ulaşmış olabilir ya da disk arızalı olabilir. Hiçbir şey kaydedilmedi.</translation>
        </message>
        <message>
            <source>Lost the connection to the database %1. Check that the server is running and reachable, then try again.</source>
            <translation>%1 veritabanıyla bağlantı koptu. Sunucunun çalıştığını ve erişilebilir olduğunu kontrol edip tekrar deneyin.</translation>
        </message>
        <message>
            <source>The database %1 reported an error it did not describe.</source>
            <translation>%1 veritabanı açıklamasız bir hata bildirdi.</translation>
        </message>
        <message>
            <source>The database %1 is a radiocode database whose schema record is damaged (the table radiocode_meta or its schema_version row is missing). It was not changed: restore it from a backup, or choose another database.</source>
            <translation>%1 veritabanı, şema kaydı bozuk bir radiocode veritabanıdır (radiocode_meta tablosu veya schema_version satırı eksik). Veritabanı değiştirilmedi: yedekten geri yükleyin veya başka bir veritabanı seçin.</translation>
        </message>
        <message>
            <source>The database user %1 may not create tables in %2, and the code database needs its tables there. Ask the database's administrator to let this user create tables (GRANT CREATE ON SCHEMA public), or to open it once as its owner.</source>
            <translation>%1 veritabanı kullanıcısı %2 içinde tablo oluşturamıyor; kod veritabanının tabloları orada olmalı. Veritabanı yöneticisinden bu kullanıcıya tablo oluşturma izni vermesini (GRANT CREATE ON SCHEMA public) veya veritabanını bir kez sahibi olarak açmasını isteyin.</translation>
        </message>
        <message>
            <source>The code database %1 is busy: saving waited %2 s for another program that holds its tables (an import, a backup, a long query) and gave up. Nothing was saved; try again when the other program has finished.</source>
            <translation>Kod veritabanı meşgul (%1): kaydetme, tablolarını tutan başka bir program (içe aktarma, yedekleme, uzun bir sorgu) için %2 sn bekledi ve vazgeçti. Hiçbir şey kaydedilmedi; diğer program bitince yeniden deneyin.</translation>
        </message>
        <message>
            <source>The code database %1 is busy: it did not answer within %2 s, because another program holds its tables (an import, a backup, a long query). The code may be on record: try again in a moment.</source>
            <translation>Kod veritabanı meşgul (%1): %2 sn içinde yanıt vermedi, çünkü tablolarını başka bir program (içe aktarma, yedekleme, uzun bir sorgu) tutuyor. Kod kayıtlı olabilir: biraz sonra yeniden deneyin.</translation>
        </message>
        <message>
            <source>Line %1, the header, is longer than %2 bytes (it starts “%3”): this is not a code list.</source>
            <translation>Başlık satırı (satır %1) %2 bayttan uzun (başlangıcı: “%3”): bu bir kod listesi değil.</translation>
        </message>
        <message>
            <source>Reading the file failed: %1</source>
            <translation>Dosya okunamadı: %1</translation>
        </message>
        <message>
            <source>Nothing from %1 was saved. %2</source>
            <translation>Şu kaynaktan hiçbir şey kaydedilmedi: %1. %2</translation>
        </message>
        <message>
            <source>The row is %1 bytes long, more than a code list's row can be (it starts “%2”): row skipped.</source>
            <translation>Satır %1 bayt uzunluğunda; bir kod listesi satırı bu kadar uzun olamaz (başlangıcı: “%2”): satır atlandı.</translation>
        </message>
        <message>
            <source>The code “%1” for %2 looks like %3 with its leading zero lost by a spreadsheet: row skipped. Check the list, or import it again with leading zeros restored.</source>
            <translation>%2 için “%1” kodu, bir elektronik tablonun baştaki sıfırını sildiği %3 gibi görünüyor: satır atlandı. Listeyi kontrol edin veya baştaki sıfırları geri yükleyerek yeniden içe aktarın.</translation>
        </message>
        <message>
            <source>The code “%1” for %2 looks like %3 with its leading zeros lost by a spreadsheet: row skipped. Check the list, or import it again with leading zeros restored.</source>
            <translation>%2 için “%1” kodu, bir elektronik tablonun baştaki sıfırlarını sildiği %3 gibi görünüyor: satır atlandı. Listeyi kontrol edin veya baştaki sıfırları geri yükleyerek yeniden içe aktarın.</translation>
        </message>
        <message>
            <source>Reading the file failed: %1.</source>
            <translation>Dosya okunamadı: %1.</translation>
        </message>
        <message>
            <source>The radio accepted %1 from the radio card, but the code database holds %2 for %3 (%4): the stored code was kept. Check which is right and correct it with “radiocode db add … --replace”.</source>
            <translation>Radyo, radyo kod kartındaki (Radio Pass) %1 kodunu kabul etti, ancak kod veritabanında %3 (%4) için %2 kayıtlı: kayıtlı kod korundu. Hangisinin doğru olduğunu kontrol edin ve “radiocode db add … --replace” ile düzeltin.</translation>
        </message>
        <message>
            <source>Job %1 is not for a Blaupunkt or Becker radio: its code comes from the public algorithm.</source>
            <translation>%1 numaralı iş emri bir Blaupunkt veya Becker radyosu için değil: kodu bilinen (açık) algoritmadan gelir.</translation>
        </message>
        <message>
            <source>The label photo could not be read or saved: %1</source>
            <translation>Etiket fotoğrafı okunamadı veya kaydedilemedi: %1</translation>
        </message>
        <message>
            <source>The label photo is empty or larger than %1 MB: it was not kept with the job.</source>
            <translation>Etiket fotoğrafı boş veya %1 MB sınırından büyük: iş emriyle birlikte saklanmadı.</translation>
        </message>
        <message>
            <source>Lost the connection to the database %1; connecting again. Try again in a moment.</source>
            <translation>%1 veritabanıyla bağlantı koptu; yeniden bağlanılıyor. Biraz sonra tekrar deneyin.</translation>
        </message>
    </context>
    <context>
        <name>DatabaseUrl</name>
        <message>
            <source>Use sqlite:/path/file.db or postgresql://user[:password]@host[:port]/dbname.</source>
            <translation>sqlite:/path/file.db veya postgresql://user[:password]@host[:port]/dbname biçimini kullanın.</translation>
        </message>
        <message>
            <source>“%1” is not a database URL: %2 %3</source>
            <translation>“%1” bir veritabanı URL'si değil: %2 %3</translation>
        </message>
        <message>
            <source>it is empty.</source>
            <translation>boş.</translation>
        </message>
        <message>
            <source>it does not start with sqlite: or postgresql://.</source>
            <translation>sqlite: veya postgresql:// ile başlamıyor.</translation>
        </message>
        <message>
            <source>the file name is missing.</source>
            <translation>dosya adı eksik.</translation>
        </message>
        <message>
            <source>“%1” is a folder, not a file.</source>
            <translation>“%1” bir dosya değil, klasör.</translation>
        </message>
        <message>
            <source>“%1” is not a known kind of database.</source>
            <translation>“%1” bilinen bir veritabanı türü değil.</translation>
        </message>
        <message>
            <source>postgresql: must be followed by //.</source>
            <translation>postgresql: ifadesinden sonra // gelmelidir.</translation>
        </message>
        <message>
            <source>the user name is missing (user@host).</source>
            <translation>kullanıcı adı eksik (user@host).</translation>
        </message>
        <message>
            <source>the server name is missing.</source>
            <translation>sunucu adı eksik.</translation>
        </message>
        <message>
            <source>the port must be a number from 1 to 65535.</source>
            <translation>port, 1 ile 65535 arasında bir sayı olmalıdır.</translation>
        </message>
        <message>
            <source>the database name is missing (…/dbname).</source>
            <translation>veritabanı adı eksik (…/dbname).</translation>
        </message>
        <message>
            <source>the option “%1” contains a semicolon.</source>
            <translation>“%1” seçeneği noktalı virgül içeriyor.</translation>
        </message>
        <message>
            <source>it holds more than one @: an @ in the user name or password must be written as %1.</source>
            <translation>birden fazla @ içeriyor: kullanıcı adı veya paroladaki @ şöyle yazılmalı: %1.</translation>
        </message>
        <message>
            <source>the port “%1” is not a number from 1 to 65535.</source>
            <translation>“%1” port numarası 1 ile 65535 arasında bir sayı değil.</translation>
        </message>
        <message>
            <source>the user name or password holds “%1”, which must be written with %-escapes (for example %2 for /).</source>
            <translation>kullanıcı adı veya parola “%1” içeriyor; bu karakter %-kodlamasıyla yazılmalı (örneğin / için %2).</translation>
        </message>
        <message>
            <source>it is not written correctly (check the server name and any %-escapes).</source>
            <translation>doğru yazılmamış (sunucu adını ve %-kodlamalarını kontrol edin).</translation>
        </message>
    </context>
    <context>
        <name>InstructionSheet</name>
        <message>
            <source>Page %1</source>
            <translation>Sayfa %1</translation>
        </message>
        <message>
            <source>Workshop: ______________</source>
            <translation>Servis: ______________</translation>
        </message>
        <message>
            <source>Job</source>
            <translation>İş emri</translation>
        </message>
        <message>
            <source>Customer</source>
            <translation>Müşteri</translation>
        </message>
        <message>
            <source>Registration</source>
            <translation>Plaka</translation>
        </message>
        <message>
            <source>VIN</source>
            <translation>Şasi numarası (VIN)</translation>
        </message>
        <message>
            <source>Technician</source>
            <translation>Teknisyen</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>Notlar</translation>
        </message>
        <message>
            <source>Radio and code</source>
            <translation>Radyo ve kod</translation>
        </message>
        <message>
            <source>Radio</source>
            <translation>Radyo</translation>
        </message>
        <message>
            <source>Serial</source>
            <translation>Seri numarası</translation>
        </message>
        <message>
            <source>Source: %1</source>
            <translation>Kaynak: %1</translation>
        </message>
        <message>
            <source>No code could be given: %1 Write it in the boxes once it is known.</source>
            <translation>Kod bulunamadı: %1 Kod öğrenildiğinde kutulara yazın.</translation>
        </message>
        <message>
            <source>Where the serial is on the label</source>
            <translation>Seri numarasının etiketteki yeri</translation>
        </message>
        <message>
            <source>Enter the code on the radio</source>
            <translation>Kodu radyoya girin</translation>
        </message>
        <message>
            <source>Cautions</source>
            <translation>Uyarılar</translation>
        </message>
        <message>
            <source>What to do next</source>
            <translation>Sonraki adımlar</translation>
        </message>
        <message>
            <source>If the radio refuses the code</source>
            <translation>Radyo kodu kabul etmezse</translation>
        </message>
        <message>
            <source>Radio code instruction sheet</source>
            <translation>Radyo kodu talimat sayfası</translation>
        </message>
        <message>
            <source>Cannot write %1: %2</source>
            <translation>Yazılamıyor: %1: %2</translation>
        </message>
        <message>
            <source>The sheet could not be drawn.</source>
            <translation>Talimat sayfası çizilemedi.</translation>
        </message>
        <message>
            <source>← SERIAL</source>
            <extracomment>Drawing of a Blaupunkt label; the arrow points at the serial. Keep it short.</extracomment>
            <translation>← SERİ NUMARASI</translation>
        </message>
        <message>
            <source>last 4 characters</source>
            <extracomment>Drawing of a Renault label: the precode is the end of the barcode text.</extracomment>
            <translation>son 4 karakter</translation>
        </message>
        <message>
            <source>PRECODE</source>
            <extracomment>Drawing of a Renault label, beside the 4 highlighted characters. Very short.</extracomment>
            <translation>ÖN KOD</translation>
        </message>
        <message>
            <source>or hold buttons 1 + 6
to show it on the display</source>
            <extracomment>Drawing of a Renault label, small print on two lines (split at the line break).</extracomment>
            <translation>veya 1 + 6 istasyon tuşlarını
basılı tutun: ekranda görünür</translation>
        </message>
        <message>
            <source>← model: 4 digits</source>
            <extracomment>Drawing of a Becker label; the arrow points at the Model No. Short; a line break may put what does not fit on a second line.</extracomment>
            <translation>← model: 4 rakam</translation>
        </message>
        <message>
            <source>← serial: 8 digits</source>
            <extracomment>Drawing of a Becker label; the arrow points at the Serial No. Short; a line break may put what does not fit on a second line.</extracomment>
            <translation>← seri numarası:
8 rakam</translation>
        </message>
        <message>
            <source>Enter: BE + model + serial → %1</source>
            <extracomment>Drawing of a Becker label: what to type. %1 is the example serial.</extracomment>
            <translation>Girin: BE + model + seri numarası → %1</translation>
        </message>
        <message>
            <source>SERIAL</source>
            <extracomment>Drawing of a Visteon label, above the highlighted serial. Keep it short.</extracomment>
            <translation>SERİ NUMARASI</translation>
        </message>
        <message>
            <source>M + 6 digits. Some units show it on the
display while buttons 1 and 6 are held.</source>
            <extracomment>Drawing of a Visteon label, two lines (split at the line break).</extracomment>
            <translation>M + 6 rakam. Bazı cihazlarda 1 ve 6 istasyon
tuşları basılı tutulunca ekranda görünür.</translation>
        </message>
        <message>
            <source>Radio code card</source>
            <translation>Radyo kod kartı</translation>
        </message>
        <message>
            <source>Nissan radio code</source>
            <translation>Nissan radyo kodu</translation>
        </message>
        <message>
            <source>Workshop</source>
            <translation>Servis</translation>
        </message>
        <message>
            <source>Part number</source>
            <translation>Parça numarası</translation>
        </message>
        <message>
            <source>%1 (agrees with the serial)</source>
            <translation>%1 (seri numarasıyla uyumlu)</translation>
        </message>
        <message>
            <source>Unchecked serial: no rule knows this label form.</source>
            <translation>Denetlenmemiş seri numarası: bu etiket biçimini bilen kural yok.</translation>
        </message>
        <message>
            <source>Press station button %1 until digit %1 of the code shows on the display.</source>
            <translation>Ekranda kodun %1. hanesi görünene kadar %1 numaralı istasyon tuşuna basın.</translation>
        </message>
        <message>
            <source>PART NO. →</source>
            <extracomment>Drawing of a Blaupunkt label; the arrow points at the part number. Very short.</extracomment>
            <translation>PARÇA NO. →</translation>
        </message>
        <message>
            <source>%1 · Code %2</source>
            <translation>%1 · Kod %2</translation>
        </message>
        <message>
            <source>%1 · no code yet</source>
            <translation>%1 · henüz kod yok</translation>
        </message>
        <message>
            <source>The sheet could not be written: %1</source>
            <translation>Talimat sayfası yazılamadı: %1</translation>
        </message>
        <message>
            <source>BP + 12 characters
7th: digit or letter</source>
            <extracomment>Drawing of a Blaupunkt label, under "← SERIAL", two short lines (split at the line break).</extracomment>
            <translation>BP + 12 karakter
7.si rakam veya harf</translation>
        </message>
        <message>
            <source>Label photo</source>
            <translation>Etiket fotoğrafı</translation>
        </message>
        <message>
            <source>Taken %1</source>
            <translation>Çekim tarihi: %1</translation>
        </message>
        <message>
            <source>Serial read off it: %1</source>
            <translation>Okunan seri numarası: %1</translation>
        </message>
    </context>
    <context>
        <name>RequestLetter</name>
        <message>
            <source>A Blaupunkt part number has 10 digits starting with 7 6 (“7 645 384 318”); “%1” is not one.</source>
            <translation>Blaupunkt parça numarası 7 6 ile başlayan 10 haneden oluşur (“7 645 384 318”); “%1” geçerli bir parça numarası değil.</translation>
        </message>
        <message>
            <source>The part number %1 does not belong to the serial %2: its 4th to 7th digits (%3) must be the serial's 3rd to 6th characters (%4). One of them was misread: check the label.</source>
            <translation>%1 parça numarası %2 seri numarasına ait değil: 4.–7. haneleri (%3), seri numarasının 3.–6. karakterleri (%4) olmalı. Biri yanlış okunmuş: etiketi kontrol edin.</translation>
        </message>
        <message>
            <source>Request for a radio security code</source>
            <translation>Radyo güvenlik kodu talebi</translation>
        </message>
        <message>
            <source>Cannot write %1: %2</source>
            <translation>Yazılamıyor: %1: %2</translation>
        </message>
        <message>
            <source>The request could not be drawn.</source>
            <translation>Talep çizilemedi.</translation>
        </message>
        <message>
            <source>Workshop: %1</source>
            <translation>Servis: %1</translation>
        </message>
        <message>
            <source>Address: %1</source>
            <translation>Adres: %1</translation>
        </message>
        <message>
            <source>Contact: %1</source>
            <translation>İletişim: %1</translation>
        </message>
        <message>
            <source>To:</source>
            <translation>Alıcı:</translation>
        </message>
        <message>
            <source>Date:</source>
            <translation>Tarih:</translation>
        </message>
        <message>
            <source>Our reference:</source>
            <translation>Referansımız:</translation>
        </message>
        <message>
            <source>The radio of the vehicle below asks for its security code and no code is on record for it. Please send us the code for this radio. The owner has signed below, and the proof of ownership ticked below is enclosed.</source>
            <translation>Aşağıdaki aracın radyosu güvenlik kodunu istiyor ve bu radyo için kayıtlı kod yok. Lütfen bu radyonun kodunu bize gönderin. Araç sahibi aşağıda imzalamıştır; aşağıda işaretlenen mülkiyet belgesi ektedir.</translation>
        </message>
        <message>
            <source>Vehicle</source>
            <translation>Araç</translation>
        </message>
        <message>
            <source>Make:</source>
            <translation>Marka:</translation>
        </message>
        <message>
            <source>VIN (chassis number):</source>
            <translation>VIN (şasi numarası):</translation>
        </message>
        <message>
            <source>Registration:</source>
            <translation>Plaka:</translation>
        </message>
        <message>
            <source>Owner:</source>
            <translation>Araç sahibi:</translation>
        </message>
        <message>
            <source>Radio</source>
            <translation>Radyo</translation>
        </message>
        <message>
            <source>Brand:</source>
            <translation>Marka:</translation>
        </message>
        <message>
            <source>Serial number:</source>
            <translation>Seri numarası:</translation>
        </message>
        <message>
            <source>Part number (7 6…):</source>
            <translation>Parça numarası (7 6…):</translation>
        </message>
        <message>
            <source>Part number:</source>
            <translation>Parça numarası:</translation>
        </message>
        <message>
            <source>Photo of the radio's label:</source>
            <translation>Radyo etiketinin fotoğrafı:</translation>
        </message>
        <message>
            <source>Proof of ownership enclosed</source>
            <translation>Ekteki mülkiyet belgesi</translation>
        </message>
        <message>
            <source>Vehicle registration document (copy)</source>
            <translation>Araç ruhsatı (fotokopi)</translation>
        </message>
        <message>
            <source>Owner's identity document (copy)</source>
            <translation>Araç sahibinin kimlik belgesi (fotokopi)</translation>
        </message>
        <message>
            <source>Purchase invoice for the vehicle or the radio (copy)</source>
            <translation>Araç veya radyo satış faturası (fotokopi)</translation>
        </message>
        <message>
            <source>Owner's declaration</source>
            <translation>Araç sahibinin beyanı</translation>
        </message>
        <message>
            <source>I confirm that I own this vehicle and its radio, and I ask for the radio's security code to be given to the workshop named above.</source>
            <translation>Bu aracın ve radyosunun sahibi olduğumu onaylar, radyonun güvenlik kodunun yukarıda adı geçen servise verilmesini talep ederim.</translation>
        </message>
        <message>
            <source>Owner's name:</source>
            <translation>Araç sahibinin adı:</translation>
        </message>
        <message>
            <source>Owner's signature:</source>
            <translation>Araç sahibinin imzası:</translation>
        </message>
        <message>
            <source>Place and date:</source>
            <translation>Yer ve tarih:</translation>
        </message>
        <message>
            <source>Workshop's stamp and signature:</source>
            <translation>Servis kaşesi ve imzası:</translation>
        </message>
    </context>
    <context>
        <name>SheetPrinting</name>
        <message>
            <source>Print the code card</source>
            <translation>Kod kartını yazdır</translation>
        </message>
        <message>
            <source>Print the instruction sheet</source>
            <translation>Talimat sayfasını yazdır</translation>
        </message>
        <message>
            <source>Cannot write %1: %2</source>
            <translation>Yazılamıyor: %1: %2</translation>
        </message>
    </context>
    <context>
        <name>StorageTexts</name>
        <message>
            <source>Worked</source>
            <translation>Kabul edildi</translation>
        </message>
        <message>
            <source>Refused</source>
            <translation>Reddedildi</translation>
        </message>
        <message>
            <source>Not tried</source>
            <translation>Denenmedi</translation>
        </message>
        <message numerus="yes">
            <source>A code was refused %n time(s) for this serial: the radio is probably locked. Leave the radio switched on and wait about an hour (%1 minutes) until it accepts a code again, then check the serial on the label before the next try.</source>
            <translation>
                <numerusform>Bu seri numarası için bir kod %n kez reddedildi: radyo büyük olasılıkla kilitlendi. Radyoyu açık bırakın ve yeniden kod kabul edene kadar yaklaşık bir saat (%1 dakika) bekleyin; sonraki denemeden önce etiketteki seri numarasını kontrol edin.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>A code was refused %n time(s) for this serial before. Check the serial on the label again before trying: after %1 wrong codes the radio locks for about an hour.</source>
            <translation>
                <numerusform>Bu seri numarası için daha önce bir kod %n kez reddedildi. Denemeden önce etiketteki seri numarasını yeniden kontrol edin: %1 yanlış koddan sonra radyo yaklaşık bir saat kilitlenir.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n imported</source>
            <translation>
                <numerusform>%n içe aktarıldı</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n duplicate(s)</source>
            <translation>
                <numerusform>%n yinelenen kayıt</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n skipped</source>
            <translation>
                <numerusform>%n atlandı</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n conflict(s)</source>
            <translation>
                <numerusform>%n çakışma</numerusform>
            </translation>
        </message>
        <message>
            <source>Dry run, nothing saved: %1</source>
            <translation>Deneme çalıştırması, hiçbir şey kaydedilmedi: %1</translation>
        </message>
        <message numerus="yes">
            <source>Reminder: %n code request(s) waiting longer than %1 days for an answer: ask again.</source>
            <translation>
                <numerusform>Hatırlatma: %n kod talebi %1 günden uzun süredir yanıt bekliyor: yeniden sorun.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Waiting %n day(s), asked on %1</source>
            <translation>
                <numerusform>%n gündür bekliyor, sorulma tarihi: %1</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Waiting %n day(s), asked of %1 on %2</source>
            <translation>
                <numerusform>%n gündür bekliyor, sorulma tarihi: %2 (talep gönderilen: %1)</numerusform>
            </translation>
        </message>
        <message>
            <source>Line %1 must name the columns: a code list needs a serial column (“serial”, “Serial No”, “Seriennummer”, “Seri No”, “Numéro de série”) and a code column (“code”, “Radio Code”, “Kod”, “Code radio”); found: %2.</source>
            <translation>Satır %1 sütunları adlandırmalı: kod listesinde bir seri sütunu (“serial”, “Serial No”, “Seriennummer”, “Seri No”, “Numéro de série”) ve bir kod sütunu (“code”, “Radio Code”, “Kod”, “Code radio”) gerekir; bulunan: %2.</translation>
        </message>
        <message>
            <source>Line %1 has no column “%2” (found: %3). Give a column's name or its number, counting from 1.</source>
            <translation>Satır %1 içinde “%2” sütunu yok (bulunan: %3). Sütunun adını veya 1'den başlayarak numarasını verin.</translation>
        </message>
        <message>
            <source>Line %1 names the column “%2” twice: which one is meant cannot be told. Rename one of them, or choose the columns by number.</source>
            <translation>Satır %1 içinde “%2” sütunu iki kez geçiyor: hangisinin kastedildiği anlaşılamıyor. Birini yeniden adlandırın veya sütunları numarayla seçin.</translation>
        </message>
        <message>
            <source>Line %1 has several columns that could be meant (%2): which one holds the serial or the code cannot be told.</source>
            <translation>Satır %1 içinde kastedilmiş olabilecek birkaç sütun var (%2): seri numarasını veya kodu hangisinin tuttuğu anlaşılamıyor.</translation>
        </message>
        <message>
            <source>The serial and the code cannot both be the column “%1”.</source>
            <translation>Seri numarası ve kod aynı sütun (“%1”) olamaz.</translation>
        </message>
        <message>
            <source>Waiting for code since %1</source>
            <translation>%1 tarihinden beri kod bekliyor</translation>
        </message>
        <message>
            <source>Waiting for code since %1 (asked %2)</source>
            <translation>%1 tarihinden beri kod bekliyor (talep gönderilen: %2)</translation>
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
            <translation>(%1, %2. karakter)</translation>
        </message>
        <message>
            <source>at character %1</source>
            <translation>(%1. karakter)</translation>
        </message>
        <message>
            <source>1 letter + 3 digits (precode)</source>
            <translation>1 harf + 3 rakam (ön kod)</translation>
        </message>
        <message>
            <source>BE + 4-digit model + 8-digit serial</source>
            <translation>BE + 4 haneli model + 8 haneli seri numarası</translation>
        </message>
        <message>
            <source>M + 6 digits</source>
            <translation>M + 6 rakam</translation>
        </message>
        <message>
            <source>Public algorithm</source>
            <translation>Bilinen (açık) algoritma</translation>
        </message>
        <message>
            <source>Code database</source>
            <translation>Kod veritabanı</translation>
        </message>
        <message>
            <source>Incomplete</source>
            <translation>Eksik</translation>
        </message>
        <message>
            <source>Valid</source>
            <translation>Geçerli</translation>
        </message>
        <message>
            <source>Invalid</source>
            <translation>Geçersiz</translation>
        </message>
        <message>
            <source>Not supported</source>
            <translation>Desteklenmiyor</translation>
        </message>
        <message>
            <source>Code found</source>
            <translation>Kod bulundu</translation>
        </message>
        <message>
            <source>Invalid serial</source>
            <translation>Geçersiz seri numarası</translation>
        </message>
        <message>
            <source>Radio not supported</source>
            <translation>Radyo desteklenmiyor</translation>
        </message>
        <message>
            <source>No code on record</source>
            <translation>Kayıtlı kod yok</translation>
        </message>
        <message>
            <source>Type, paste or scan the serial from the radio's label.</source>
            <translation>Radyonun etiketindeki seri numarasını yazın, yapıştırın veya tarayın.</translation>
        </message>
        <message numerus="yes">
            <source>Too short: %n more digit(s) needed.</source>
            <translation>
                <numerusform>Çok kısa: %n rakam daha gerekli.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Too short: %n more character(s) needed.</source>
            <translation>
                <numerusform>Çok kısa: %n karakter daha gerekli.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n more digit(s).</source>
            <translation>
                <numerusform>%n rakam daha.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n more character(s).</source>
            <translation>
                <numerusform>%n karakter daha.</numerusform>
            </translation>
        </message>
        <message>
            <source>Keep typing: BP… is Blaupunkt, BE… is Becker, a letter and 3 digits is a Renault precode.</source>
            <translation>Yazmaya devam edin: BP… Blaupunkt, BE… Becker, bir harf ve 3 rakam ise Renault ön kodudur.</translation>
        </message>
        <message>
            <source>%1 could be a Renault precode or the start of a Visteon serial (M + 6 digits): keep typing or choose the radio family.</source>
            <translation>%1 bir Renault ön kodu veya bir Visteon seri numarasının (M + 6 rakam) başlangıcı olabilir: yazmaya devam edin veya radyo ailesini seçin.</translation>
        </message>
        <message>
            <source>Not a serial of a known radio: %1 %2 cannot start one. Blaupunkt serials start with BP, Becker with BE, Visteon with M, Renault precodes with a letter.</source>
            <translation>Bilinen bir radyonun seri numarası değil: %1 %2 ile seri numarası başlayamaz. Blaupunkt seri numaraları BP ile, Becker BE ile, Visteon M ile, Renault ön kodları bir harfle başlar.</translation>
        </message>
        <message>
            <source>This radio's serial starts with %1: %2 %3 does not fit.</source>
            <translation>Bu radyonun seri numarası %1 ile başlar: %2 %3 uymuyor.</translation>
        </message>
        <message>
            <source>This looks like a %1 serial, not this family's: choose %1 instead.</source>
            <translation>Bu, bu ailenin değil, bir %1 seri numarası gibi görünüyor: bunun yerine %1 ailesini seçin.</translation>
        </message>
        <message>
            <source>A letter is needed %1, not %2.</source>
            <translation>Burada %1 bir harf gerekir, %2 değil.</translation>
        </message>
        <message>
            <source>Only digits belong here: %1 %2.</source>
            <translation>Burada yalnızca rakam olabilir: %1 %2.</translation>
        </message>
        <message>
            <source>The letter %1 %2 stands where a digit belongs: labels are easily misread (O and 0, I and 1, S and 5, B and 8).</source>
            <translation>%1 harfi %2 rakam olması gereken bir yerde duruyor: etiketler kolayca yanlış okunur (O ve 0, I ve 1, S ve 5, B ve 8).</translation>
        </message>
        <message>
            <source>%1 %2 is not a Latin letter (another keyboard layout?): serials use Latin letters only.</source>
            <translation>%1 %2 Latin harfi değil (başka bir klavye düzeni mi?): seri numaralarında yalnızca Latin harfleri kullanılır.</translation>
        </message>
        <message>
            <source>The input holds an invisible control character %1: type the serial again.</source>
            <translation>Girdide görünmez bir kontrol karakteri var %1: seri numarasını yeniden yazın.</translation>
        </message>
        <message>
            <source>The input holds an invisible text-direction mark %1: it changes how the serial is displayed.</source>
            <translation>Girdide görünmez bir yazı yönü işareti var %1: bu işaret seri numarasının nasıl görüntüleneceğini değiştirir.</translation>
        </message>
        <message>
            <source>The input is not readable text (bad bytes at byte %1): type the serial again.</source>
            <translation>Girdi okunabilir metin değil (%1. baytta hatalı baytlar): seri numarasını yeniden yazın.</translation>
        </message>
        <message>
            <source>Too long: this serial has %1 characters, %2 were given. Check for an extra character %3.</source>
            <translation>Çok uzun: bu seri numarası %1 karakterlidir, %2 karakter girildi. Fazladan bir karakter olup olmadığını kontrol edin %3.</translation>
        </message>
        <message>
            <source>The input is far too long (%1 bytes) to be a radio serial: at most %2.</source>
            <translation>Girdi bir radyo seri numarası olamayacak kadar uzun (%1 bayt): en fazla %2 olabilir.</translation>
        </message>
        <message>
            <source>A000 to A099 are not precodes: check the label again (the precode is the last four characters of the barcode text).</source>
            <translation>A000 ile A099 arası ön kod değildir: etiketi yeniden kontrol edin (ön kod, barkod metninin son dört karakteridir).</translation>
        </message>
        <message>
            <source>Becker model %1 was not fitted to Nissan vehicles: only BE4739 and BE4757 are covered.</source>
            <translation>Becker model %1 Nissan araçlarına takılmadı: yalnızca BE4739 ve BE4757 desteklenir.</translation>
        </message>
        <message>
            <source>Did you mean %1?</source>
            <translation>Bunu mu demek istediniz: %1?</translation>
        </message>
        <message>
            <source>Confirm with the button the vehicle handbook names: it varies on these units.</source>
            <translation>Araç kullanım kılavuzunda belirtilen tuşla onaylayın: bu cihazlarda tuş farklılık gösterir.</translation>
        </message>
        <message>
            <source>Each wrong code costs an attempt: after %1 wrong entries most units lock for about %2 minutes, and repeated lock-outs can lock the radio for good.</source>
            <translation>Her yanlış kod bir deneme hakkı harcar: %1 yanlış girişten sonra çoğu cihaz yaklaşık %2 dakika kilitlenir ve tekrarlanan kilitlenmeler radyoyu kalıcı olarak kilitleyebilir.</translation>
        </message>
        <message>
            <source>The confirm button varies by model: check the vehicle handbook.</source>
            <translation>Onay tuşu modele göre değişir: araç kullanım kılavuzuna bakın.</translation>
        </message>
        <message>
            <source>If the display shows WAIT or counts down, leave the radio switched on and wait until it asks for the code again.</source>
            <translation>Ekranda WAIT görünüyorsa veya geri sayım yapılıyorsa radyoyu açık bırakın ve yeniden kod isteyene kadar bekleyin.</translation>
        </message>
        <message>
            <source>Look for the radio card first</source>
            <translation>Önce radyo kod kartını arayın</translation>
        </message>
        <message>
            <source>Wrong serial</source>
            <translation>Yanlış seri numarası</translation>
        </message>
        <message>
            <source>Changed radio</source>
            <translation>Değiştirilmiş radyo</translation>
        </message>
        <message>
            <source>Memory reprogrammed</source>
            <translation>Bellek yeniden programlanmış</translation>
        </message>
        <message>
            <source>The owner's radio card ("Radio Pass", "Safety-Nr" or PIN) may already hold the code for this serial.</source>
            <translation>Araç sahibinin radyo kod kartında (“Radio Pass”, “Safety-Nr” veya PIN) bu seri numarasının kodu zaten yazılı olabilir.</translation>
        </message>
        <message>
            <source>The usual cause: O and 0, I and 1 mixed up, or a missing character. Read the label again.</source>
            <translation>En sık neden: O ile 0, I ile 1 karıştırılmış ya da bir karakter eksik. Etiketi yeniden okuyun.</translation>
        </message>
        <message>
            <source>A previous owner may have swapped the radio: a code card or dealer record for the car then belongs to another unit.</source>
            <translation>Önceki bir araç sahibi radyoyu değiştirmiş olabilir: bu durumda aracın radyo kod kartı veya bayi kaydı başka bir cihaza aittir.</translation>
        </message>
        <message>
            <source>Rarely, the unit's memory was reprogrammed in a repair: no code or button sequence helps then, the unit needs bench work.</source>
            <translation>Nadiren cihazın belleği bir onarım sırasında yeniden programlanmıştır: bu durumda hiçbir kod veya tuş dizisi işe yaramaz, cihaz sökülüp elektronik serviste onarılmalı.</translation>
        </message>
        <message>
            <source>Computed with the public Renault precode algorithm.</source>
            <translation>Bilinen (açık) Renault ön kod algoritmasıyla hesaplandı.</translation>
        </message>
        <message>
            <source>Computed with the public Visteon M-serial algorithm.</source>
            <translation>Bilinen (açık) Visteon M seri numarası algoritmasıyla hesaplandı.</translation>
        </message>
        <message>
            <source>From the code database, imported from %1.</source>
            <translation>Kod veritabanından; içe aktarma kaynağı: %1.</translation>
        </message>
        <message>
            <source>From the code database, confirmed on a radio by %1.</source>
            <translation>Kod veritabanından; bir radyoda onaylayan: %1.</translation>
        </message>
        <message>
            <source>No public algorithm exists for %1 radios, and the code database holds no code for this serial.</source>
            <translation>%1 radyoları için bilinen (açık) bir algoritma yok ve kod veritabanında bu seri numarası için kayıtlı kod yok.</translation>
        </message>
        <message>
            <source>Read the serial on the label again, character by character.</source>
            <translation>Etiketteki seri numarasını karakter karakter yeniden okuyun.</translation>
        </message>
        <message>
            <source>Ask the radio maker's service or a dealer for this unit's code.</source>
            <translation>Bu cihazın kodunu radyo üreticisinin servisinden veya bir bayiden isteyin.</translation>
        </message>
        <message>
            <source>Look for the owner's radio card.</source>
            <translation>Araç sahibinin radyo kod kartını (Radio Pass) arayın.</translation>
        </message>
        <message>
            <source>Look for the owner's radio card ("Radio Pass", "Safety-Nr" or PIN).</source>
            <translation>Araç sahibinin radyo kod kartını arayın (“Radio Pass”, “Safety-Nr” veya PIN).</translation>
        </message>
        <message>
            <source>Ask a Nissan dealer for the code: they need the serial and the vehicle's VIN.</source>
            <translation>Kodu bir Nissan bayisinden isteyin: bayi, seri numarasına ve aracın şasi numarasına (VIN) ihtiyaç duyar.</translation>
        </message>
        <message>
            <source>Once the code is known and has worked, record it in the code database.</source>
            <translation>Kod öğrenilip radyo tarafından kabul edildiğinde kodu kod veritabanına kaydedin.</translation>
        </message>
        <message>
            <source>%1 is a Renault precode or the start of a Visteon serial cut short: choose the radio family (Renault, or Visteon with all 6 digits).</source>
            <translation>%1 bir Renault ön kodu veya eksik girilmiş bir Visteon seri numarasının başlangıcı: radyo ailesini seçin (Renault ya da 6 rakamın tamamıyla Visteon).</translation>
        </message>
        <message>
            <source>No serial given: the input is empty.</source>
            <translation>Seri numarası girilmedi: girdi boş.</translation>
        </message>
        <message>
            <source>No public algorithm exists for %1 radios, and no code database could be consulted (none is set up, or it cannot be reached).</source>
            <translation>%1 radyoları için bilinen (açık) bir algoritma yok ve hiçbir kod veritabanına başvurulamadı (kurulu değil veya erişilemiyor).</translation>
        </message>
        <message>
            <source>No public algorithm exists for these radios: the code comes from the code database.</source>
            <translation>Bu radyolar için bilinen (açık) bir algoritma yok: kod, kod veritabanından gelir.</translation>
        </message>
        <message>
            <source>The precode is one letter and three digits (for example T019).</source>
            <translation>Ön kod bir harf ve üç rakamdan oluşur (örneğin T019).</translation>
        </message>
        <message>
            <source>It is printed in small type beside or below a long barcode: the last four characters of the barcode text are the precode. You may type or scan the whole barcode text.</source>
            <translation>Uzun bir barkodun yanında veya altında küçük puntoyla basılıdır: barkod metninin son dört karakteri ön koddur. Barkod metninin tamamını yazabilir veya tarayabilirsiniz.</translation>
        </message>
        <message>
            <source>Many units show the precode on the display while buttons 1 and 6 are held together for a few seconds.</source>
            <translation>Birçok cihaz, 1 ve 6 numaralı istasyon tuşları birkaç saniye birlikte basılı tutulduğunda ön kodu ekranda gösterir.</translation>
        </message>
        <message>
            <source>A000 to A099 are not precodes.</source>
            <translation>A000 ile A099 arası ön kod değildir.</translation>
        </message>
        <message>
            <source>The label has two fields: Model No (for example BE 4757) and Serial No (8 digits). Type each in its own field.</source>
            <translation>Etikette iki alan vardır: Model No (örneğin BE 4757) ve Serial No (8 rakam). Her birini kendi alanına yazın.</translation>
        </message>
        <message>
            <source>Only models BE4739 and BE4757 were fitted to Nissan vehicles; other models are not covered.</source>
            <translation>Nissan araçlarına yalnızca BE4739 ve BE4757 modelleri takıldı; diğer modeller desteklenmez.</translation>
        </message>
        <message>
            <source>The serial is the letter M and six digits (for example M123456).</source>
            <translation>Seri numarası M harfi ve altı rakamdan oluşur (örneğin M123456).</translation>
        </message>
        <message>
            <source>Some units show the serial on the display while buttons 1 and 6 are held.</source>
            <translation>Bazı cihazlar, 1 ve 6 numaralı istasyon tuşları basılı tutulduğunda seri numarasını ekranda gösterir.</translation>
        </message>
        <message>
            <source>The code is computed with the public Visteon M-serial algorithm.</source>
            <translation>Kod, bilinen (açık) Visteon M seri numarası algoritmasıyla hesaplanır.</translation>
        </message>
        <message>
            <source>“%1”</source>
            <extracomment>Quotation marks around a character or serial the message points at: „%1“ in German.</extracomment>
            <translation>“%1”</translation>
        </message>
        <message>
            <source>Code database unreachable</source>
            <translation>Kod veritabanına erişilemiyor</translation>
        </message>
        <message>
            <source>No public algorithm exists for %1 radios, and the code database could not be reached (%2): the code may be on record; try again when it is back.</source>
            <translation>%1 radyoları için bilinen (açık) bir algoritma yok ve kod veritabanına erişilemedi (%2): kod kayıtlı olabilir; veritabanı yeniden erişilebilir olduğunda tekrar deneyin.</translation>
        </message>
        <message>
            <source>Try again once the code database is back: check that the database server is running and reachable, or that the database file can be read.</source>
            <translation>Kod veritabanı yeniden erişilebilir olduğunda tekrar deneyin: veritabanı sunucusunun çalıştığını ve erişilebilir olduğunu ya da veritabanı dosyasının okunabildiğini kontrol edin.</translation>
        </message>
        <message>
            <source>the part number</source>
            <translation>parça numarası</translation>
        </message>
        <message>
            <source>Unchecked</source>
            <translation>Denetlenmedi</translation>
        </message>
        <message>
            <source>Part number and serial disagree</source>
            <translation>Parça numarası ve seri numarası uyuşmuyor</translation>
        </message>
        <message>
            <source>Two readings, two codes on record</source>
            <translation>İki okuma, iki kayıtlı kod</translation>
        </message>
        <message>
            <source>Invalid part number</source>
            <translation>Geçersiz parça numarası</translation>
        </message>
        <message>
            <source>Part number: %1</source>
            <translation>Parça numarası: %1</translation>
        </message>
        <message>
            <source>%1 serial: precode %2 taken from the end of the barcode text.</source>
            <translation>%1 seri numarası: ön kod %2 barkod metninin sonundan alındı.</translation>
        </message>
        <message>
            <source>%1 serial: the 17-character label form was shortened to %2.</source>
            <translation>%1 seri numarası: 17 karakterlik etiket biçimi kısaltıldı: %2.</translation>
        </message>
        <message>
            <source>%1 serial: the CM printed on the label reads as BP, %2.</source>
            <translation>%1 seri numarası: etikette basılı CM, BP olarak okunur: %2.</translation>
        </message>
        <message>
            <source>%1 serial, well formed.</source>
            <translation>%1 seri numarası, biçimi doğru.</translation>
        </message>
        <message>
            <source>The part number %1 and the serial %2 cannot be on one label: the part number's digits 4–7 (%3) must be the serial's characters 3–6 (%4), and they differ at %5. One of them was misread: read both on the label again.</source>
            <translation>%1 parça numarası ve %2 seri numarası aynı etikette olamaz: parça numarasının 4–7. haneleri (%3) seri numarasının 3–6. karakterleri (%4) olmalı, ancak farklılık şurada: %5. Biri yanlış okunmuş: ikisini de etikette yeniden okuyun.</translation>
        </message>
        <message>
            <source>serial character %1</source>
            <translation>seri numarasının %1. karakteri</translation>
        </message>
        <message>
            <source>serial characters %1</source>
            <translation>seri numarasının %1. karakterleri</translation>
        </message>
        <message>
            <source>A part number only cross-checks Blaupunkt serials: leave it out for a %1 radio.</source>
            <translation>Parça numarası yalnızca Blaupunkt seri numaralarını doğrular: %1 radyosu için boş bırakın.</translation>
        </message>
        <message>
            <source>%1 fits no known label form: it can only be looked up in the code database as printed, unchecked. Compare it with the label character by character.</source>
            <translation>%1 bilinen hiçbir etiket biçimine uymuyor: yalnızca basıldığı gibi, denetlenmeden kod veritabanında aranabilir. Etiketle karakter karakter karşılaştırın.</translation>
        </message>
        <message>
            <source>A Blaupunkt part number starts with 76: %1 %2 does not fit.</source>
            <translation>Blaupunkt parça numarası 76 ile başlar: %1 %2 uymuyor.</translation>
        </message>
        <message>
            <source>Unchecked serial: no rule knows this label form. The code is the one on record for the serial as printed; compare the serial with the label before entering it.</source>
            <translation>Denetlenmemiş seri numarası: bu etiket biçimini bilen kural yok. Kod, basıldığı hâliyle seri numarası için kayıtlı koddur; girmeden önce seri numarasını etiketle karşılaştırın.</translation>
        </message>
        <message>
            <source>Its 7th character may be the letter %1 or the digit %2: both are real serials (%3, %4).</source>
            <translation>7. karakteri %1 harfi veya %2 rakamı olabilir: ikisi de gerçek seri numarası (%3, %4).</translation>
        </message>
        <message>
            <source>The code database holds the code for the reading %1.</source>
            <translation>Kod veritabanında %1 okuması için kod kayıtlı.</translation>
        </message>
        <message>
            <source>The part number %1 agrees with it (digits 4–7 are %2, as the serial's characters 3–6): a second confirmation.</source>
            <translation>%1 parça numarası bununla uyumlu (4–7. haneleri %2, seri numarasının 3–6. karakterleri gibi): ikinci bir doğrulama.</translation>
        </message>
        <message>
            <source>well formed.</source>
            <translation>biçimi doğru.</translation>
        </message>
        <message>
            <source>optional: the 10 digits starting 76 beside the serial (7 645 384 318).</source>
            <translation>isteğe bağlı: seri numarasının yanındaki 76 ile başlayan 10 hane (7 645 384 318).</translation>
        </message>
        <message numerus="yes">
            <source>too short: %n more digit(s) needed.</source>
            <translation>
                <numerusform>çok kısa: %n hane daha gerekli.</numerusform>
            </translation>
        </message>
        <message>
            <source>too long: a part number has %1 digits, %2 were given.</source>
            <translation>çok uzun: parça numarası %1 hanelidir, verilen: %2.</translation>
        </message>
        <message>
            <source>Press station button %1 until %2 shows on the display.</source>
            <translation>Ekranda %2 görünene kadar %1 numaralı istasyon tuşuna basın.</translation>
        </message>
        <message>
            <source>Press and hold station button 6, TA or SEEK ▲ for %1–%2 seconds to confirm (some units: see the handbook).</source>
            <translation>Onaylamak için 6 numaralı istasyon tuşunu, TA veya SEEK ▲ tuşunu %1–%2 saniye basılı tutun (bazı cihazlar: kılavuza bakın).</translation>
        </message>
        <message>
            <source>Press OK or ENTER (some units: see the handbook).</source>
            <translation>OK veya ENTER tuşuna basın (bazı cihazlar: kılavuza bakın).</translation>
        </message>
        <message>
            <source>From the code database: the owner's radio card, entered by %1.</source>
            <translation>Kod veritabanından: araç sahibinin radyo kod kartı (Radio Pass), giren: %1.</translation>
        </message>
        <message>
            <source>From the code database: the owner's radio card.</source>
            <translation>Kod veritabanından: araç sahibinin radyo kod kartı (Radio Pass).</translation>
        </message>
        <message>
            <source>From the owner's radio card, entered by %1; it goes into the code database once it has worked on the radio.</source>
            <translation>Araç sahibinin radyo kod kartından (Radio Pass), giren: %1; radyoda kabul edilince kod veritabanına eklenir.</translation>
        </message>
        <message>
            <source>From the owner's radio card; it goes into the code database once it has worked on the radio.</source>
            <translation>Araç sahibinin radyo kod kartından (Radio Pass); radyoda kabul edilince kod veritabanına eklenir.</translation>
        </message>
        <message>
            <source>From the dealer %1, who was asked for it.</source>
            <translation>Talep üzerine bayiden alındı: %1.</translation>
        </message>
        <message>
            <source>From a dealer who was asked for it.</source>
            <translation>Talep üzerine bir bayiden alındı.</translation>
        </message>
        <message>
            <source>From the manufacturer's service (%1), who was asked for it.</source>
            <translation>Talep üzerine üretici servisinden (%1) alındı.</translation>
        </message>
        <message>
            <source>From the manufacturer's service, who was asked for it.</source>
            <translation>Talep üzerine üretici servisinden alındı.</translation>
        </message>
        <message>
            <source>From the code database.</source>
            <translation>Kod veritabanından.</translation>
        </message>
        <message>
            <source>From a recorded source.</source>
            <translation>Kayıtlı bir kaynaktan.</translation>
        </message>
        <message>
            <source>imported from %1</source>
            <translation>içe aktarıldı: %1</translation>
        </message>
        <message>
            <source>confirmed on a radio by %1</source>
            <translation>radyoda onaylayan: %1</translation>
        </message>
        <message>
            <source>from the owner's radio card</source>
            <translation>araç sahibinin radyo kod kartından (Radio Pass)</translation>
        </message>
        <message>
            <source>from the dealer %1</source>
            <translation>bayiden: %1</translation>
        </message>
        <message>
            <source>from the manufacturer's service</source>
            <translation>üretici servisinden</translation>
        </message>
        <message>
            <source>in the code database</source>
            <translation>kod veritabanında</translation>
        </message>
        <message>
            <source>This code was refused on a radio on %1. Check the serial on the label and whether the radio was swapped before you try it.</source>
            <translation>Bu kod %1 tarihinde bir radyoda reddedildi. Denemeden önce etiketteki seri numarasını ve radyonun değiştirilip değiştirilmediğini kontrol edin.</translation>
        </message>
        <message>
            <source>This code was refused on a radio by %1 on %2. Check the serial on the label and whether the radio was swapped before you try it.</source>
            <translation>Bu kod %2 tarihinde bir radyoda reddedildi (deneyen: %1). Denemeden önce etiketteki seri numarasını ve radyonun değiştirilip değiştirilmediğini kontrol edin.</translation>
        </message>
        <message>
            <source>The radio card is for serial %1, but this radio's serial is %2: the radio was probably swapped, so the card's code belongs to another radio. No code is shown. Check the label once more; if it is right, ask the dealer for this radio's code.</source>
            <translation>Radyo kod kartı (Radio Pass) %1 seri numarası için, ancak bu radyonun seri numarası %2: radyo büyük olasılıkla değiştirilmiş, kartın kodu başka bir radyoya ait. Kod gösterilmiyor. Etiketi bir kez daha kontrol edin; doğruysa bu radyonun kodunu bayiye sorun.</translation>
        </message>
        <message>
            <source>This serial fits no known label form, and the code database could not be reached (%1) to look it up as printed.</source>
            <translation>Bu seri numarası bilinen hiçbir etiket biçimine uymuyor ve basıldığı gibi aramak için kod veritabanına ulaşılamadı (%1).</translation>
        </message>
        <message>
            <source>This serial fits no known label form and no code database could be consulted: no algorithm answers an unchecked serial.</source>
            <translation>Bu seri numarası bilinen hiçbir etiket biçimine uymuyor ve hiçbir kod veritabanına başvurulamadı: hiçbir algoritma denetlenmemiş seri numarasına yanıt vermez.</translation>
        </message>
        <message>
            <source>This serial fits no known label form, and the code database holds no code for it as printed.</source>
            <translation>Bu seri numarası bilinen hiçbir etiket biçimine uymuyor ve kod veritabanında basıldığı hâliyle kayıtlı kodu yok.</translation>
        </message>
        <message>
            <source>Read the serial and the part number on the label again, character by character.</source>
            <translation>Etiketteki seri numarasını ve parça numarasını karakter karakter yeniden okuyun.</translation>
        </message>
        <message>
            <source>Some labels print 17 characters starting with 815BP or 815CM, or CM without the 815: type them as printed, the leading 815 is dropped and CM becomes BP.</source>
            <translation>Bazı etiketlerde 815BP veya 815CM ile başlayan 17 karakter ya da 815 olmadan CM basılıdır: basıldığı gibi yazın; baştaki 815 atılır, CM ise BP olur.</translation>
        </message>
        <message>
            <source>The 7th character (the 5th after BP) is a letter on some labels (BP5511V2151786): type it as printed.</source>
            <translation>7. karakter (BP'den sonraki 5.) bazı etiketlerde harftir (BP5511V2151786): basıldığı gibi yazın.</translation>
        </message>
        <message>
            <source>The part number beside it (10 digits starting 76, such as 7 645 387 041) checks the serial: its digits 4–7 are the serial's characters 3–6.</source>
            <translation>Yanındaki parça numarası (76 ile başlayan 10 hane, örneğin 7 645 387 041) seri numarasını doğrular: 4–7. haneleri seri numarasının 3–6. karakterleridir.</translation>
        </message>
        <message>
            <source>BP + 12 characters, 7th may be a letter</source>
            <extracomment>The 7th character is a digit on most labels, a capital letter on some.</extracomment>
            <translation>BP + 12 karakter, 7.si harf olabilir</translation>
        </message>
        <message>
            <source>The code database holds different codes for %1 and %2, two readings of the 7th character: look at the label and say whether it shows the digit %3 or the letter %4. Only that reading is then looked up.</source>
            <translation>Kod veritabanında %1 ve %2 için (7. karakterin iki okuması) farklı kodlar kayıtlı: etikete bakın ve %3 rakamını mı yoksa %4 harfini mi gösterdiğini belirtin. Ardından yalnızca o okuma aranır.</translation>
        </message>
        <message>
            <source>Too short: %1 is only the start of a serial (a Renault precode is a letter and 3 digits, a Visteon serial M and 6 digits, Blaupunkt BP and 12 characters, Becker BE and 12 digits).</source>
            <translation>Çok kısa: %1 yalnızca bir seri numarasının başlangıcı (Renault ön kodu bir harf ve 3 rakam, Visteon seri numarası M ve 6 rakam, Blaupunkt BP ve 12 karakter, Becker BE ve 12 rakamdan oluşur).</translation>
        </message>
        <message>
            <source>The technician read the letter %1 as the 7th character on the label: %2 (not %3).</source>
            <translation>Teknisyen etiketteki 7. karakteri %1 harfi olarak okudu: %2 (%3 değil).</translation>
        </message>
        <message>
            <source>The technician read the digit %1 as the 7th character on the label: %2 (not %3).</source>
            <translation>Teknisyen etiketteki 7. karakteri %1 rakamı olarak okudu: %2 (%3 değil).</translation>
        </message>
        <message>
            <source>The label shows the letter %1</source>
            <translation>Etikette %1 harfi görünüyor</translation>
        </message>
        <message>
            <source>The label shows the digit %1</source>
            <translation>Etikette %1 rakamı görünüyor</translation>
        </message>
        <message>
            <source>The serial starts with BP and has 12 more characters, all digits but the 7th, which may be a letter; labels often print a space between the groups (BP53876 9672026): type it with or without the space.</source>
            <translation>Seri numarası BP ile başlar ve ardından 12 karakter gelir: harf olabilen 7. karakter dışında hepsi rakamdır. Etiketlerde gruplar arasında genellikle bir boşluk bulunur (BP53876 9672026): boşluklu veya boşluksuz yazabilirsiniz.</translation>
        </message>
    </context>
    <context>
        <name>Vin</name>
        <message>
            <source>“%1” at character %2 cannot be part of a VIN: only letters and digits.</source>
            <translation>%2. karakterdeki “%1” şasi numarasının (VIN) parçası olamaz: yalnızca harf ve rakam kullanılır.</translation>
        </message>
        <message>
            <source>A VIN never contains I, O or Q: character %1 is “%2”. Read it as %3?</source>
            <translation>Şasi numarası (VIN) asla I, O veya Q içermez: %1. karakter “%2”. %3 olarak mı okunmalı?</translation>
        </message>
        <message>
            <source>Too long: a VIN has %1 characters, %2 were given.</source>
            <translation>Çok uzun: şasi numarası (VIN) %1 karakterlidir, %2 karakter girildi.</translation>
        </message>
        <message numerus="yes">
            <source>%n more character(s).</source>
            <translation>
                <numerusform>%n karakter daha.</numerusform>
            </translation>
        </message>
        <message>
            <source>Valid VIN.</source>
            <translation>Geçerli şasi numarası (VIN).</translation>
        </message>
    </context>
    <context>
        <name>main</name>
        <message>
            <source>Usage: radiocode-finder [--version] [--help] [--smoke-test] [Qt options such as -platform NAME]

Finds the unlock code of a Nissan radio and shows how to enter it. See also: radiocode --help</source>
            <translation>Kullanım: radiocode-finder [--version] [--help] [--smoke-test] [-platform NAME gibi Qt seçenekleri]

Bir Nissan radyosunun kilit açma kodunu bulur ve nasıl girileceğini gösterir. Ayrıca bkz.: radiocode --help</translation>
        </message>
    </context>
    <context>
        <name>radiocode::cli</name>
        <message>
            <source>List the radio families</source>
            <translation>Radyo ailelerini listele</translation>
        </message>
        <message>
            <source>%1 lines answered…</source>
            <translation>%1 satır yanıtlandı…</translation>
        </message>
        <message>
            <source>%1 lines answered.</source>
            <translation>%1 satır yanıtlandı.</translation>
        </message>
        <message>
            <source>only one input file can be given ("%1").</source>
            <translation>yalnızca bir girdi dosyası verilebilir (“%1”).</translation>
        </message>
        <message>
            <source>radiocode batch: cannot open %1: %2</source>
            <translation>radiocode batch: %1 açılamıyor: %2</translation>
        </message>
        <message>
            <source>radiocode batch: cannot write the output.</source>
            <translation>radiocode batch: çıktı yazılamıyor.</translation>
        </message>
        <message>
            <source>radiocode batch: reading %1 failed: %2</source>
            <translation>radiocode batch: %1 okunamadı: %2</translation>
        </message>
        <message>
            <source>standard input</source>
            <translation>standart girdi</translation>
        </message>
        <message>
            <source>The workshop's code database holds the Blaupunkt and Becker codes: imported dealer lists and codes technicians confirmed on a radio.</source>
            <translation>Servisin kod veritabanı Blaupunkt ve Becker kodlarını içerir: içe aktarılan bayi listeleri ve teknisyenlerin bir radyoda onayladığı kodlar.</translation>
        </message>
        <message>
            <source>check and count, save nothing</source>
            <translation>kontrol et ve say, hiçbir şey kaydetme</translation>
        </message>
        <message>
            <source>print one JSON object: imported, duplicates, skipped, conflicts, errors</source>
            <translation>tek bir JSON nesnesi yazdır: imported, duplicates, skipped, conflicts, errors</translation>
        </message>
        <message>
            <source>replace another code stored for the serial</source>
            <translation>seri numarası için kayıtlı başka bir kodu değiştir</translation>
        </message>
        <message>
            <source>The database is --database URL, else $RADIOCODE_DATABASE, else the desktop program's setting, else %1. URLs: sqlite:/path/file.db, postgresql://user[:password]@host[:port]/dbname.</source>
            <translation>Veritabanı --database URL'sidir; yoksa $RADIOCODE_DATABASE, yoksa masaüstü programının ayarı, yoksa %1. URL'ler: sqlite:/path/file.db, postgresql://user[:password]@host[:port]/dbname.</translation>
        </message>
        <message>
            <source>Exit status: 0 done, 2 invalid input or arguments, 3 the file or the database could not be used (or a different code is already stored).</source>
            <translation>Çıkış durumu: 0 tamamlandı, 2 geçersiz girdi veya argümanlar, 3 dosya veya veritabanı kullanılamadı (ya da farklı bir kod zaten kayıtlı).</translation>
        </message>
        <message>
            <source>unknown option %1</source>
            <translation>bilinmeyen seçenek %1</translation>
        </message>
        <message>
            <source>one file at a time (got %1 and %2)</source>
            <translation>aynı anda tek dosya (%1 ve %2 verildi)</translation>
        </message>
        <message>
            <source>Cannot read %1: %2</source>
            <translation>Okunamıyor: %1: %2</translation>
        </message>
        <message>
            <source>Importing %1… %2%</source>
            <translation>İçe aktarılıyor: %1… %2%</translation>
        </message>
        <message>
            <source>line %1: %2</source>
            <translation>satır %1: %2</translation>
        </message>
        <message>
            <source>give the serial and the code</source>
            <translation>seri numarasını ve kodu verin</translation>
        </message>
        <message>
            <source>--technician NAME is needed: a confirmed code records who confirmed it</source>
            <translation>--technician NAME gereklidir: onaylanan bir kod, onu kimin onayladığını da kaydeder</translation>
        </message>
        <message>
            <source>%1 is a %2 serial: its code is computed with the public algorithm, not stored.</source>
            <translation>%1 bir %2 seri numarasıdır: kodu saklanmaz, bilinen (açık) algoritmayla hesaplanır.</translation>
        </message>
        <message>
            <source>the code “%1” is not exactly 4 digits.</source>
            <translation>“%1” kodu tam olarak 4 haneli değil.</translation>
        </message>
        <message>
            <source>Saved: %1 code %2, confirmed by %3.</source>
            <translation>Kaydedildi: %1, kod %2, onaylayan: %3.</translation>
        </message>
        <message>
            <source>Saved: %1 code %2, confirmed by %3 (replaces %4 from %5).</source>
            <translation>Kaydedildi: %1, kod %2, onaylayan: %3 (önceki kod %4 yerine; kaynak: %5).</translation>
        </message>
        <message>
            <source>Confirmed: %1 code %2 (from %3) is now marked as confirmed by %4.</source>
            <translation>Onaylandı: %1, kod %2 (kaynak: %3) artık %4 tarafından onaylanmış olarak işaretli.</translation>
        </message>
        <message>
            <source>Already stored: %1 code %2 (%3).</source>
            <translation>Zaten kayıtlı: %1, kod %2 (%3).</translation>
        </message>
        <message>
            <source>%1 is already stored with code %2 (%3): not changed. If the radio accepted %4, add it again with --replace.</source>
            <translation>%1 zaten %2 koduyla kayıtlı (%3): değiştirilmedi. Radyo %4 kodunu kabul ettiyse --replace ile yeniden ekleyin.</translation>
        </message>
        <message>
            <source>one file at a time</source>
            <translation>aynı anda tek dosya</translation>
        </message>
        <message>
            <source>unexpected argument %1</source>
            <translation>beklenmeyen argüman %1</translation>
        </message>
        <message>
            <source>Database: %1 (chosen by %2)</source>
            <translation>Veritabanı: %1 (belirleyen: %2)</translation>
        </message>
        <message>
            <source>Schema version: %1</source>
            <translation>Şema sürümü: %1</translation>
        </message>
        <message>
            <source>Codes stored: %1</source>
            <translation>Kayıtlı kod sayısı: %1</translation>
        </message>
        <message>
            <source>radiocode: the code database cannot be used, so Blaupunkt and Becker codes cannot be looked up: %1</source>
            <translation>radiocode: kod veritabanı kullanılamıyor, bu nedenle Blaupunkt ve Becker kodları aranamaz: %1</translation>
        </message>
        <message>
            <source>%1 already exists: add --force to overwrite it.</source>
            <translation>%1 zaten mevcut: üzerine yazmak için --force ekleyin.</translation>
        </message>
        <message>
            <source>Cannot write %1: %2</source>
            <translation>Yazılamıyor: %1: %2</translation>
        </message>
        <message>
            <source>Lists the radio families: id (for --family), name, serial format, where the code comes from, an example serial.</source>
            <translation>Radyo ailelerini listeler: kimlik (--family için), ad, seri numarası biçimi, kodun kaynağı, örnek bir seri numarası.</translation>
        </message>
        <message>
            <source>unexpected argument "%1".</source>
            <translation>beklenmeyen argüman “%1”.</translation>
        </message>
        <message>
            <source>ID</source>
            <translation>ID</translation>
        </message>
        <message>
            <source>NAME</source>
            <translation>AD</translation>
        </message>
        <message>
            <source>SERIAL FORMAT</source>
            <translation>SERİ NUMARASI BİÇİMİ</translation>
        </message>
        <message>
            <source>CODE FROM</source>
            <translation>KOD KAYNAĞI</translation>
        </message>
        <message>
            <source>EXAMPLE</source>
            <translation>ÖRNEK</translation>
        </message>
        <message>
            <source>blaupunkt, renault, becker or visteon</source>
            <translation>blaupunkt, renault, becker veya visteon</translation>
        </message>
        <message>
            <source>worked, refused or not-tried</source>
            <translation>worked, refused veya not-tried</translation>
        </message>
        <message>
            <source>jobs from this day on (YYYY-MM-DD or a date and time)</source>
            <translation>bu günden itibaren iş emirleri (YYYY-MM-DD veya bir tarih ve saat)</translation>
        </message>
        <message>
            <source>jobs before this day</source>
            <translation>bu günden önceki iş emirleri</translation>
        </message>
        <message>
            <source>the newest N jobs only</source>
            <translation>yalnızca en yeni N iş emri</translation>
        </message>
        <message>
            <source>attempts tells how often a code was refused for SERIAL since it last worked, and what to do before the next try.</source>
            <translation>attempts, SERIAL için son kabul edilen koddan bu yana kaç kez kod reddedildiğini ve sonraki denemeden önce ne yapılması gerektiğini söyler.</translation>
        </message>
        <message>
            <source>Exit status: 0 done, 2 invalid arguments, 3 the database could not be used.</source>
            <translation>Çıkış durumu: 0 tamamlandı, 2 geçersiz argümanlar, 3 veritabanı kullanılamadı.</translation>
        </message>
        <message>
            <source>unknown outcome “%1”: use worked, refused or not-tried</source>
            <translation>bilinmeyen sonuç “%1”: worked, refused veya not-tried kullanın</translation>
        </message>
        <message>
            <source>“%1” is not a date: write it as YYYY-MM-DD, e.g. %2</source>
            <translation>“%1” bir tarih değil: YYYY-MM-DD biçiminde yazın, örn. %2</translation>
        </message>
        <message>
            <source>--limit needs a positive number</source>
            <translation>--limit pozitif bir sayı gerektirir</translation>
        </message>
        <message>
            <source>No jobs match.</source>
            <translation>Eşleşen iş emri yok.</translation>
        </message>
        <message numerus="yes">
            <source>%n attempt(s)</source>
            <translation>
                <numerusform>%n deneme</numerusform>
            </translation>
        </message>
        <message>
            <source>--outcome needs worked, refused or not-tried</source>
            <translation>--outcome için worked, refused veya not-tried gereklidir</translation>
        </message>
        <message>
            <source>--attempts needs a number from 0 to 99</source>
            <translation>--attempts 0 ile 99 arasında bir sayı gerektirir</translation>
        </message>
        <message>
            <source>give one serial</source>
            <translation>tek bir seri numarası verin</translation>
        </message>
        <message>
            <source>Saved job #%1.</source>
            <translation>İş emri #%1 kaydedildi.</translation>
        </message>
        <message>
            <source>No refused code is recorded for %1 since it last worked.</source>
            <translation>%1 için son kabul edilen koddan bu yana reddedilen kod kaydı yok.</translation>
        </message>
        <message>
            <source>Finds the code for one radio serial and says how to enter it, or what is wrong with the serial. SERIAL may be given in parts as the label prints them (BP53876 9672026); put "--" before a serial that starts with a dash.</source>
            <translation>Bir radyo seri numarasının kodunu bulur ve nasıl girileceğini ya da seri numarasında neyin yanlış olduğunu söyler. SERIAL, etikette basıldığı gibi parçalar hâlinde verilebilir (BP53876 9672026); tire ile başlayan bir seri numarasının önüne “--” koyun.</translation>
        </message>
        <message>
            <source>Options:</source>
            <translation>Seçenekler:</translation>
        </message>
        <message>
            <source>read the serial as this family's (blaupunkt, renault, becker, visteon)</source>
            <translation>seri numarasını bu ailenin seri numarası olarak oku (blaupunkt, renault, becker, visteon)</translation>
        </message>
        <message>
            <source>answer as one JSON object</source>
            <translation>tek bir JSON nesnesi olarak yanıtla</translation>
        </message>
        <message>
            <source>Family: %1</source>
            <translation>Aile: %1</translation>
        </message>
        <message>
            <source>Serial: %1</source>
            <translation>Seri numarası: %1</translation>
        </message>
        <message>
            <source>Status: %1</source>
            <translation>Durum: %1</translation>
        </message>
        <message>
            <source>What to do:</source>
            <translation>Yapılacaklar:</translation>
        </message>
        <message>
            <source>Code: %1</source>
            <translation>Kod: %1</translation>
        </message>
        <message>
            <source>Source: %1 (%2)</source>
            <translation>Kaynak: %1 (%2)</translation>
        </message>
        <message>
            <source>How to enter it:</source>
            <translation>Nasıl girilir:</translation>
        </message>
        <message>
            <source>Take care:</source>
            <translation>Dikkat:</translation>
        </message>
        <message>
            <source>the serial is missing.</source>
            <translation>seri numarası eksik.</translation>
        </message>
        <message>
            <source>Find the code for one serial</source>
            <translation>Tek bir seri numarasının kodunu bul</translation>
        </message>
        <message>
            <source>Answer one serial per line as CSV</source>
            <translation>Her satırda bir seri numarasını CSV olarak yanıtla</translation>
        </message>
        <message>
            <source>Write the printable instruction sheet (PDF)</source>
            <translation>Yazdırılabilir talimat sayfasını yaz (PDF)</translation>
        </message>
        <message>
            <source>Import, add and export codes of the code database</source>
            <translation>Kod veritabanı: kodları içe aktar, ekle ve dışa aktar</translation>
        </message>
        <message>
            <source>List and export the job log</source>
            <translation>İş emirlerini listele ve dışa aktar</translation>
        </message>
        <message>
            <source>radiocode %1: unlock codes for Nissan radios (Blaupunkt, Renault, Becker, Visteon).</source>
            <translation>radiocode %1: Nissan radyoları için kilit açma kodları (Blaupunkt, Renault, Becker, Visteon).</translation>
        </message>
        <message>
            <source>Usage: radiocode [--database URL] [--lang tr|de|en] COMMAND [ARGUMENTS]</source>
            <translation>Kullanım: radiocode [--database URL] [--lang tr|de|en] COMMAND [ARGUMENTS]</translation>
        </message>
        <message>
            <source>Commands:</source>
            <translation>Komutlar:</translation>
        </message>
        <message>
            <source>Options (before or after the command):</source>
            <translation>Seçenekler (komuttan önce veya sonra):</translation>
        </message>
        <message>
            <source>the code database to use</source>
            <translation>kullanılacak kod veritabanı</translation>
        </message>
        <message>
            <source>the language of messages and steps</source>
            <translation>mesajların ve adımların dili</translation>
        </message>
        <message>
            <source>this help; COMMAND --help: that command's</source>
            <translation>bu yardım; COMMAND --help: o komutun yardımı</translation>
        </message>
        <message>
            <source>the program's version</source>
            <translation>programın sürümü</translation>
        </message>
        <message>
            <source>Exit status: 0 a code was shown (or the work was done), 1 the serial is fine but no code can be given, 2 invalid input or arguments, 3 the work could not be done.</source>
            <translation>Çıkış durumu: 0 bir kod gösterildi (veya işlem tamamlandı), 1 seri numarası geçerli ancak kod bulunamadı, 2 geçersiz girdi veya argümanlar, 3 işlem yapılamadı.</translation>
        </message>
        <message>
            <source>radiocode: %1 needs a value.</source>
            <translation>radiocode: %1 bir değer gerektirir.</translation>
        </message>
        <message>
            <source>radiocode: unknown language "%1": use one of %2.</source>
            <translation>radiocode: bilinmeyen dil “%1”: şunlardan birini kullanın: %2.</translation>
        </message>
        <message>
            <source>Try "radiocode %1 --help".</source>
            <translation>“radiocode %1 --help” komutunu deneyin.</translation>
        </message>
        <message>
            <source>radiocode: unknown command "%1".</source>
            <translation>radiocode: bilinmeyen komut “%1”.</translation>
        </message>
        <message>
            <source>Try "radiocode --help".</source>
            <translation>“radiocode --help” komutunu deneyin.</translation>
        </message>
        <message>
            <source>Writes the printable instruction sheet for one radio: the code in four boxes, how to key it in, the cautions and what to do when the radio refuses it. Without a code the boxes are left empty to fill in by hand. Needs no display.</source>
            <translation>Bir radyo için yazdırılabilir talimat sayfasını yazar: dört kutuda kod, kodun nasıl tuşlanacağı, uyarılar ve radyo kodu kabul etmezse yapılacaklar. Kod yoksa kutular elle doldurulmak üzere boş bırakılır. Grafik ekran gerektirmez.</translation>
        </message>
        <message>
            <source>read the serial as this family's</source>
            <translation>seri numarasını bu ailenin seri numarası olarak oku</translation>
        </message>
        <message>
            <source>the customer, printed on the sheet</source>
            <translation>müşteri (talimat sayfasına basılır)</translation>
        </message>
        <message>
            <source>the vehicle's registration</source>
            <translation>aracın plakası</translation>
        </message>
        <message>
            <source>the vehicle identification number (17 characters)</source>
            <translation>şasi numarası (VIN, 17 karakter)</translation>
        </message>
        <message>
            <source>who does the job</source>
            <translation>işi yapan teknisyen</translation>
        </message>
        <message>
            <source>free notes</source>
            <translation>serbest notlar</translation>
        </message>
        <message>
            <source>the workshop's name (default: the one set in radiocode-finder)</source>
            <translation>servisin adı (varsayılan: radiocode-finder'da ayarlanan)</translation>
        </message>
        <message>
            <source>paper size (default: as set in radiocode-finder, else from the system's region)</source>
            <translation>kâğıt boyutu (varsayılan: radiocode-finder'da ayarlanan, yoksa sistemin bölge ayarından)</translation>
        </message>
        <message>
            <source>radiocode sheet: the sheet cannot be drawn without fonts.</source>
            <translation>radiocode sheet: yazı tipleri olmadan talimat sayfası çizilemez.</translation>
        </message>
        <message>
            <source>unknown paper size "%1": use a4 or letter.</source>
            <translation>bilinmeyen kâğıt boyutu “%1”: a4 veya letter kullanın.</translation>
        </message>
        <message>
            <source>--out FILE.pdf is missing.</source>
            <translation>--out FILE.pdf eksik.</translation>
        </message>
        <message>
            <source>--vin: %1</source>
            <translation>--vin: %1</translation>
        </message>
        <message>
            <source>a VIN has 17 characters, %1 were given.</source>
            <translation>şasi numarası (VIN) 17 karakterlidir, %1 karakter girildi.</translation>
        </message>
        <message>
            <source>Sheet for %1 written to %2.</source>
            <translation>%1 için talimat sayfası %2 dosyasına yazıldı.</translation>
        </message>
        <message>
            <source>Sheet for %1 written to %2 with empty code boxes: %3</source>
            <translation>%1 için talimat sayfası %2 dosyasına kod kutuları boş olarak yazıldı: %3</translation>
        </message>
        <message>
            <source>Warning: %1</source>
            <translation>Uyarı: %1</translation>
        </message>
        <message>
            <source>unknown action “%1”: use %2</source>
            <translation>bilinmeyen işlem “%1”: %2 kullanın</translation>
        </message>
        <message>
            <source>%1 or %2</source>
            <translation>%1 veya %2</translation>
        </message>
        <message>
            <source>Reads one serial per line from FILE (or standard input, also for "-") and writes one CSV row per line to standard output, with the header:</source>
            <translation>FILE dosyasından (veya standart girdiden, “-” için de) her satırda bir seri numarası okur ve her satır için standart çıktıya bir CSV satırı yazar; başlık satırı:</translation>
        </message>
        <message>
            <source>  input    the line as read (bytes that are not UTF-8 and NUL shown as �; lines over %1 bytes cut and marked with …)</source>
            <translation>  input    okunduğu hâliyle satır (UTF-8 olmayan baytlar ve NUL � olarak gösterilir; %1 bayttan uzun satırlar kısaltılır ve … ile işaretlenir)</translation>
        </message>
        <message>
            <source>  series   blaupunkt, renault, becker, visteon or unknown</source>
            <translation>  series   blaupunkt, renault, becker, visteon veya unknown</translation>
        </message>
        <message>
            <source>  serial   the normalised serial (empty when the line is invalid)</source>
            <translation>  serial   normalleştirilmiş seri numarası (satır geçersizse boş)</translation>
        </message>
        <message>
            <source>  code     the four digits when status is ok</source>
            <translation>  code     status ok olduğunda dört rakam</translation>
        </message>
        <message>
            <source>  source   where the code came from (algorithm:…, database:…)</source>
            <translation>  source   kodun kaynağı (algorithm:…, database:…)</translation>
        </message>
        <message>
            <source>  message  why there is no code, what is wrong and the suggestion, or how the line was read (precode from a barcode text, 17-character label); empty for a plain ok. English unless --lang is given.</source>
            <translation>  message  neden kod olmadığı, neyin yanlış olduğu ve öneri ya da satırın nasıl okunduğu (barkod metninden ön kod, 17 karakterli etiket); basit bir ok için boş. --lang verilmezse İngilizce.</translation>
        </message>
        <message>
            <source>Every line is answered, blank lines as invalid; CRLF line ends are accepted. Fields are quoted as RFC 4180 says; rows end with LF.</source>
            <translation>Her satır yanıtlanır, boş satırlar invalid olarak; CRLF satır sonları kabul edilir. Alanlar RFC 4180'e göre tırnak içine alınır; satırlar LF ile biter.</translation>
        </message>
        <message>
            <source>read every line as this family's serial</source>
            <translation>her satırı bu ailenin seri numarası olarak oku</translation>
        </message>
        <message>
            <source>Exit status: 0 the input was read through, 2 bad arguments, 3 the file could not be read.</source>
            <translation>Çıkış durumu: 0 girdi sonuna kadar okundu, 2 hatalı argümanlar, 3 dosya okunamadı.</translation>
        </message>
        <message>
            <source>radiocode: the code database is open read-only: lookups work, nothing can be saved. %1</source>
            <translation>radiocode: kod veritabanı salt okunur açıldı: sorgular çalışır, hiçbir şey kaydedilemez. %1</translation>
        </message>
        <message>
            <source>Exit status: 0 a code was found, 1 the serial is fine but no code can be given (not-found, unsupported), 2 the serial is invalid, 3 the code database could not be reached.</source>
            <translation>Çıkış durumu: 0 kod bulundu, 1 seri numarası geçerli ama kod bulunamadı (not-found, unsupported), 2 seri numarası geçersiz, 3 kod veritabanına erişilemedi.</translation>
        </message>
        <message>
            <source>  status   ok, invalid, unsupported, not-found, or unreachable (the code database could not be asked: the code may be on record)</source>
            <translation>  status   ok, invalid, unsupported, not-found veya unreachable (kod veritabanına sorulamadı: kod kayıtlı olabilir)</translation>
        </message>
        <message>
            <source>radiocode: the output could not be written (is the disk full?).</source>
            <translation>radiocode: çıktı yazılamadı (disk dolu mu?).</translation>
        </message>
        <message>
            <source>the column by its header name or its number (from 1)</source>
            <translation>sütun, başlık adıyla veya numarasıyla (1'den başlayarak)</translation>
        </message>
        <message>
            <source>import 420 as 0420 (a spreadsheet dropped the zero), marked in the source; without it such rows are skipped</source>
            <translation>420'yi 0420 olarak içe aktarır (elektronik tablo sıfırı silmiş), kaynakta işaretlenir; bu olmadan bu satırlar atlanır</translation>
        </message>
        <message>
            <source>%1 needs a column name or number</source>
            <translation>%1 bir sütun adı veya numarası gerektirir</translation>
        </message>
        <message>
            <source>the CSV file to import is missing (- reads the standard input)</source>
            <translation>içe aktarılacak CSV dosyası eksik (- standart girdiyi okur)</translation>
        </message>
        <message>
            <source>the standard input</source>
            <translation>standart girdi</translation>
        </message>
        <message>
            <source>Choose them with --serial-column and --code-column (a name or a number, counting from 1).</source>
            <translation>Bunları --serial-column ve --code-column ile seçin (ad veya 1'den başlayan numara).</translation>
        </message>
        <message>
            <source>… and %1 more rows with a problem, not listed.</source>
            <translation>… ve sorunlu %1 satır daha, listelenmedi.</translation>
        </message>
        <message>
            <source>technician, customer, registration, VIN, serial, code or notes contain TEXT</source>
            <translation>teknisyen, müşteri, plaka, VIN, seri numarası, kod veya notlar TEXT içeriyor</translation>
        </message>
        <message>
            <source>Notes: %1</source>
            <translation>Notlar: %1</translation>
        </message>
        <message>
            <source>a Blaupunkt label's part number (7 645 384 318): its digits 4-7 must be the serial's characters 3-6, or no code is given</source>
            <translation>Blaupunkt etiketinin parça numarası (7 645 384 318): 4-7. haneleri seri numarasının 3-6. karakterleri olmalı, yoksa kod gösterilmez</translation>
        </message>
        <message>
            <source>With this program:</source>
            <translation>Bu programla:</translation>
        </message>
        <message>
            <source>the radio card: radiocode card %1 --card-serial S --code C</source>
            <translation>radyo kod kartı (Radio Pass): radiocode card %1 --card-serial S --code C</translation>
        </message>
        <message>
            <source>ask the dealer: radiocode request %1 --out request.pdf --to NAME</source>
            <translation>bayiye sorun: radiocode request %1 --out request.pdf --to NAME</translation>
        </message>
        <message>
            <source>The code from the owner's radio card</source>
            <translation>Araç sahibinin radyo kod kartındaki (Radio Pass) kod</translation>
        </message>
        <message>
            <source>Ask a dealer for the code (PDF letter)</source>
            <translation>Kodu bir bayiye sor (PDF mektup)</translation>
        </message>
        <message>
            <source>Read the serials off pictures of the label</source>
            <translation>Seri numaralarını etiket fotoğraflarından oku</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>%1: %2</translation>
        </message>
        <message>
            <source>The owner has the radio card (“Radio Pass”, “Safety-Nr”, PIN): its serial must be the radio's. When it is, the card's code is shown with how to enter it, and the job is logged; the code goes into the code database once the radio accepted it (radiocode jobs outcome JOB-ID worked). When the serials differ the radio was probably swapped, and no code is shown.</source>
            <translation>Araç sahibinde radyo kod kartı (“Radio Pass”, “Safety-Nr”, PIN) var: kartın seri numarası radyonunkiyle aynı olmalı. Aynıysa kartın kodu giriş talimatıyla gösterilir ve iş emri kaydedilir; radyo kodu kabul edince kod, kod veritabanına eklenir (radiocode jobs outcome JOB-ID worked). Seri numaraları farklıysa radyo büyük olasılıkla değiştirilmiştir ve kod gösterilmez.</translation>
        </message>
        <message>
            <source>Exit status: 0 the card's code is shown, 2 the serials differ or the input is invalid, 3 the work could not be done.</source>
            <translation>Çıkış durumu: 0 kartın kodu gösterildi, 2 seri numaraları farklı veya girdi geçersiz, 3 işlem yapılamadı.</translation>
        </message>
        <message>
            <source>the radio's serial is missing.</source>
            <translation>radyonun seri numarası eksik.</translation>
        </message>
        <message>
            <source>--card-serial S is needed: the serial printed on the card.</source>
            <translation>--card-serial S gerekli: kartta basılı seri numarası.</translation>
        </message>
        <message>
            <source>--code C is needed: the code on the card.</source>
            <translation>--code C gerekli: karttaki kod.</translation>
        </message>
        <message>
            <source>the radio's serial</source>
            <translation>radyonun seri numarası</translation>
        </message>
        <message>
            <source>the card's serial</source>
            <translation>kartın seri numarası</translation>
        </message>
        <message>
            <source>Radio card: %1</source>
            <translation>Radyo kod kartı (Radio Pass): %1</translation>
        </message>
        <message>
            <source>No code: %1</source>
            <translation>Kod yok: %1</translation>
        </message>
        <message>
            <source>the code “%1” is not a code: a code is exactly 4 digits.</source>
            <translation>“%1” bir kod değil: kod tam olarak 4 haneden oluşur.</translation>
        </message>
        <message>
            <source>radiocode card: the job could not be logged: %1</source>
            <translation>radiocode card: iş emri kaydedilemedi: %1</translation>
        </message>
        <message>
            <source>Warning: the code database holds %1 for this serial (%2). Check the card and the label before trying.</source>
            <translation>Uyarı: kod veritabanında bu seri numarası için %1 kayıtlı (%2). Denemeden önce kartı ve etiketi kontrol edin.</translation>
        </message>
        <message>
            <source>Saved job #%1. Once the radio accepts the code: radiocode jobs outcome %1 worked (or refused).</source>
            <translation>İş emri #%1 kaydedildi. Radyo kodu kabul edince: radiocode jobs outcome %1 worked (veya refused).</translation>
        </message>
        <message>
            <source>Writes a request for the radio's code to a Nissan dealer or the Blaupunkt/Becker service: the workshop (name, address and contact from radiocode-finder's Workshop details), the vehicle, the radio, the proof of ownership to enclose and the owner's signature. Fields not given are left blank to fill in by hand. The job is logged as waiting for the code: radiocode jobs list --waiting, and radiocode jobs answer JOB-ID CODE --from NAME when the answer comes.</source>
            <translation>Radyonun kodu için bir Nissan bayisine veya Blaupunkt/Becker servisine talep yazar: servis (radiocode-finder Servis bilgilerindeki ad, adres ve iletişim), araç, radyo, eklenecek mülkiyet belgesi ve araç sahibinin imzası. Verilmeyen alanlar elle doldurulmak üzere boş bırakılır. İş emri kod bekliyor olarak kaydedilir: radiocode jobs list --waiting; yanıt gelince radiocode jobs answer JOB-ID CODE --from NAME.</translation>
        </message>
        <message>
            <source>Exit status: 0 the request was written and logged, 2 invalid serial or arguments, 3 the file or the job log could not be written.</source>
            <translation>Çıkış durumu: 0 talep yazıldı ve kaydedildi, 2 geçersiz seri numarası veya argüman, 3 dosya veya iş emri günlüğü yazılamadı.</translation>
        </message>
        <message>
            <source>radiocode request: the request cannot be drawn without fonts.</source>
            <translation>radiocode request: yazı tipi olmadan talep çizilemez.</translation>
        </message>
        <message>
            <source>%1 is a %2 serial: its code is computed with the public algorithm: radiocode lookup %1</source>
            <translation>%1 bir %2 seri numarası: kodu bilinen (açık) algoritmayla hesaplanır: radiocode lookup %1</translation>
        </message>
        <message>
            <source>--part-number: %1</source>
            <translation>--part-number: %1</translation>
        </message>
        <message>
            <source>cannot read the photo %1: %2</source>
            <translation>fotoğraf okunamıyor: %1: %2</translation>
        </message>
        <message>
            <source>Note: the code database already holds a code for %1 (%2): radiocode lookup %1</source>
            <translation>Not: kod veritabanında %1 için zaten bir kod kayıtlı (%2): radiocode lookup %1</translation>
        </message>
        <message>
            <source>the job could not be logged, so no request was written: %1</source>
            <translation>iş emri kaydedilemedi, bu yüzden talep yazılmadı: %1</translation>
        </message>
        <message>
            <source>job #%1</source>
            <translation>iş emri #%1</translation>
        </message>
        <message>
            <source>Request for %1 written to %2.</source>
            <translation>%1 için talep şuraya yazıldı: %2.</translation>
        </message>
        <message>
            <source>Job #%1 is waiting for the code, asked on %2.</source>
            <translation>İş emri #%1 kod bekliyor, sorulma tarihi: %2.</translation>
        </message>
        <message>
            <source>Job #%1 is waiting for the code, asked of %2 on %3.</source>
            <translation>İş emri #%1 kod bekliyor, sorulma tarihi: %3 (talep gönderilen: %2).</translation>
        </message>
        <message>
            <source>When the answer comes: radiocode jobs answer %1 CODE --from NAME</source>
            <translation>Yanıt gelince: radiocode jobs answer %1 CODE --from NAME</translation>
        </message>
        <message>
            <source>--waiting lists every waiting job: %1 cannot be combined with it.</source>
            <translation>--waiting tüm bekleyen iş emirlerini listeler: %1 bununla birlikte kullanılamaz.</translation>
        </message>
        <message>
            <source>No job is waiting for a code.</source>
            <translation>Kod bekleyen iş emri yok.</translation>
        </message>
        <message>
            <source>asked on %1</source>
            <translation>sorulma tarihi: %1</translation>
        </message>
        <message>
            <source>asked of %1 on %2</source>
            <translation>sorulma tarihi: %2 (talep gönderilen: %1)</translation>
        </message>
        <message numerus="yes">
            <source>waiting %n day(s)</source>
            <translation>
                <numerusform>%n gündür bekliyor</numerusform>
            </translation>
        </message>
        <message>
            <source>give the job's number and the code</source>
            <translation>iş emri numarasını ve kodu verin</translation>
        </message>
        <message>
            <source>“%1” is not a job number (radiocode jobs list --waiting shows them)</source>
            <translation>“%1” bir iş emri numarası değil (radiocode jobs list --waiting bunları gösterir)</translation>
        </message>
        <message>
            <source>--from NAME is needed: the code is kept with who gave it</source>
            <translation>--from NAME gerekli: kod, veren kişiyle birlikte saklanır</translation>
        </message>
        <message>
            <source>Saved: code %1 for %2. %3 (%4)</source>
            <translation>Kaydedildi: %2 için kod %1. %3 (%4)</translation>
        </message>
        <message>
            <source>Job #%1: enter the code on the radio (radiocode sheet %2 --out FILE.pdf prints the sheet), then record what happened: radiocode jobs outcome %1 worked (or refused).</source>
            <translation>İş emri #%1: kodu radyoya girin (radiocode sheet %2 --out FILE.pdf talimat sayfasını yazar), sonra sonucu kaydedin: radiocode jobs outcome %1 worked (veya refused).</translation>
        </message>
        <message>
            <source>the code database holds %1 for this radio (%2), not %3: nothing was changed. Check the answer with %4.</source>
            <translation>kod veritabanında bu radyo için %1 kayıtlı (%2), %3 değil: hiçbir şey değiştirilmedi. Yanıtı şu kaynakla kontrol edin: %4.</translation>
        </message>
        <message>
            <source>job #%1 is not waiting for a code (radiocode jobs list --waiting shows those that are).</source>
            <translation>iş emri #%1 kod beklemiyor (kod bekleyenleri radiocode jobs list --waiting gösterir).</translation>
        </message>
        <message>
            <source>there is no job #%1.</source>
            <translation>iş emri #%1 yok.</translation>
        </message>
        <message>
            <source>give the job's number and worked, refused or not-tried</source>
            <translation>iş emrinin numarasını ve worked, refused veya not-tried değerini verin</translation>
        </message>
        <message>
            <source>“%1” is not a job number</source>
            <translation>“%1” bir iş emri numarası değil</translation>
        </message>
        <message>
            <source>Job #%1: %2.</source>
            <translation>İş emri #%1: %2.</translation>
        </message>
        <message>
            <source>%1 is a folder, not a file.</source>
            <translation>%1 bir klasör, dosya değil.</translation>
        </message>
        <message>
            <source>the standard output</source>
            <translation>standart çıktı</translation>
        </message>
        <message>
            <source>Cannot write to the standard output: %1</source>
            <translation>Standart çıktıya yazılamıyor: %1</translation>
        </message>
        <message>
            <source>%1 is a folder: give the name of a file to write.</source>
            <translation>%1 bir klasör: yazılacak bir dosyanın adını verin.</translation>
        </message>
        <message>
            <source>%1 is not a regular file (a socket or a block device): it was not touched. Give the name of a file to write.</source>
            <translation>%1 normal bir dosya değil (soket veya blok aygıtı): dokunulmadı. Yazılacak bir dosyanın adını verin.</translation>
        </message>
        <message>
            <source>Reads the radio serials off pictures of the label (a phone photo, a scan, a screenshot: PNG, JPEG and the other formats Qt reads): barcodes first, the printed text where no barcode carries a serial. Writes one CSV row per serial found in each picture, with the header:</source>
            <translation>Radyo seri numaralarını etiket resimlerinden okur (telefon fotoğrafı, tarama, ekran görüntüsü: PNG, JPEG ve Qt'nin okuduğu diğer biçimler): önce barkodlar, hiçbir barkod seri numarası taşımıyorsa basılı metin. Her resimde bulunan her seri numarası için şu başlıkla bir CSV satırı yazar:</translation>
        </message>
        <message>
            <source>  status     as in batch (ok, invalid, unsupported, not-found, unreachable), or no-serial: none was found in the picture (one row)</source>
            <translation>  status     batch komutundaki gibi (ok, invalid, unsupported, not-found, unreachable) veya no-serial: resimde hiç bulunamadı (tek satır)</translation>
        </message>
        <message>
            <source>  serial     the normalised serial; for invalid, the text as read (a letter that looks like a digit: check the label)</source>
            <translation>  serial     normalleştirilmiş seri numarası; invalid için okunduğu hâliyle metin (rakama benzeyen bir harf: etiketi kontrol edin)</translation>
        </message>
        <message>
            <source>  read_from  barcode:FORMAT (barcode:Code128, ...) or text</source>
            <translation>  read_from  barcode:FORMAT (barcode:Code128, ...) veya text</translation>
        </message>
        <message>
            <source>A serial read off a picture can be misread: check it against the label before entering a code. Two different serials on one picture are both listed.</source>
            <translation>Resimden okunan bir seri numarası yanlış okunmuş olabilir: kod girmeden önce etiketle karşılaştırın. Bir resimdeki iki farklı seri numarasının ikisi de listelenir.</translation>
        </message>
        <message>
            <source>Exit status: 0 every picture was read through (serials found or not), 2 a picture could not be opened or bad arguments.</source>
            <translation>Çıkış durumu: 0 her resim sonuna kadar okundu (seri numarası bulunsun ya da bulunmasın), 2 bir resim açılamadı veya argümanlar hatalı.</translation>
        </message>
        <message>
            <source>radiocode scan: %1: no such file.</source>
            <translation>radiocode scan: %1: böyle bir dosya yok.</translation>
        </message>
        <message>
            <source>radiocode scan: %1 cannot be read (a folder, or no permission).</source>
            <translation>radiocode scan: %1 okunamıyor (bir klasör olabilir veya okuma izni yok).</translation>
        </message>
        <message>
            <source>radiocode scan: %1 is not a picture this program can read (use PNG or JPEG).</source>
            <translation>radiocode scan: %1 bu programın okuyabileceği bir resim değil (PNG veya JPEG kullanın).</translation>
        </message>
        <message>
            <source>radiocode scan: %1 is damaged or cut short (%2); take or save the picture again.</source>
            <translation>radiocode scan: %1 hasarlı veya eksik (%2); resmi yeniden çekin veya kaydedin.</translation>
        </message>
        <message>
            <source>radiocode scan: %1 is larger than %2 megapixels; save a smaller copy.</source>
            <translation>radiocode scan: %1 boyutu %2 megapikselden büyük; daha küçük bir kopya kaydedin.</translation>
        </message>
        <message>
            <source>name at least one picture.</source>
            <translation>en az bir resim belirtin.</translation>
        </message>
        <message>
            <source>the Blaupunkt part number from the label, cross-checked with the serial and printed on the sheet</source>
            <translation>etiketteki Blaupunkt parça numarası; seri numarasıyla karşılaştırılır ve talimat sayfasına basılır</translation>
        </message>
        <message>
            <source>where to write the PDF (required unless --print; - for the standard output)</source>
            <translation>PDF'nin yazılacağı yer (--print yoksa zorunlu; standart çıktı için -)</translation>
        </message>
        <message>
            <source>replace FILE.pdf when it exists</source>
            <translation>FILE.pdf varsa üzerine yaz</translation>
        </message>
        <message>
            <source>Exit status: 0 the sheet was written with a code, 1 it was written without one (not-found, unsupported), 2 invalid serial or arguments, 3 the file could not be written or nothing was printed (no printer, a stopped printer, one that rejects jobs).</source>
            <translation>Çıkış durumu: 0 talimat sayfası kodla yazıldı, 1 kodsuz yazıldı (not-found, unsupported), 2 geçersiz seri numarası veya argümanlar, 3 dosya yazılamadı veya hiçbir şey yazdırılmadı (yazıcı yok, yazıcı durdurulmuş veya yazdırma işlerini reddediyor).</translation>
        </message>
        <message>
            <source>--out FILE.pdf (or --print) is missing.</source>
            <translation>--out FILE.pdf (veya --print) eksik.</translation>
        </message>
        <message>
            <source>--printer needs a printer's name.</source>
            <translation>--printer bir yazıcı adı gerektirir.</translation>
        </message>
        <message>
            <source>--copies takes a number from 1 to 99, not "%1".</source>
            <translation>--copies 1 ile 99 arasında bir sayı alır, “%1” değil.</translation>
        </message>
        <message>
            <source>unknown format "%1": use a4, letter, card or label62.</source>
            <translation>bilinmeyen biçim “%1”: a4, letter, card veya label62 kullanın.</translation>
        </message>
        <message>
            <source>not printed: %1</source>
            <translation>yazdırılmadı: %1</translation>
        </message>
        <message>
            <source>Printed: job %1 on %2</source>
            <translation>Yazdırıldı: yazdırma işi %1, yazıcı: %2</translation>
        </message>
        <message numerus="yes">
            <source>(%n copies)</source>
            <translation>
                <numerusform>(%n kopya)</numerusform>
            </translation>
        </message>
        <message>
            <source>print it (on the default printer unless --printer names one)</source>
            <translation>yazdır (--printer bir yazıcı belirtmedikçe varsayılan yazıcıda)</translation>
        </message>
        <message>
            <source>the printer (a CUPS queue) to print on</source>
            <translation>yazdırılacak yazıcı (bir CUPS kuyruğu)</translation>
        </message>
        <message>
            <source>how many copies to print (1 to 99)</source>
            <translation>kaç kopya yazdırılacağı (1 ile 99 arası)</translation>
        </message>
        <message>
            <source>a4 or letter (the sheet), card (85 x 54 mm) or label62 (a 62 mm label) for the code card</source>
            <translation>a4 veya letter (talimat sayfası); kod kartı için card (85 x 54 mm) veya label62 (62 mm etiket)</translation>
        </message>
        <message>
            <source>Columns:</source>
            <translation>Sütunlar:</translation>
        </message>
        <message>
            <source>show this help</source>
            <translation>bu yardımı göster</translation>
        </message>
        <message>
            <source>Usage: %1</source>
            <translation>Kullanım: %1</translation>
        </message>
        <message>
            <source>missing value for %1</source>
            <translation>%1 için değer eksik</translation>
        </message>
        <message>
            <source>%1 takes no value</source>
            <translation>%1 değer almaz</translation>
        </message>
        <message>
            <source>Actions:</source>
            <translation>İşlemler:</translation>
        </message>
        <message>
            <source>Each action's options: radiocode %1 ACTION --help.</source>
            <translation>Her işlemin seçenekleri: radiocode %1 ACTION --help.</translation>
        </message>
        <message>
            <source>unknown radio family "%1": use one of %2.</source>
            <translation>bilinmeyen radyo ailesi “%1”: şunlardan birini kullanın: %2.</translation>
        </message>
        <message>
            <source>overwrite an existing FILE</source>
            <translation>mevcut bir FILE dosyasının üzerine yaz</translation>
        </message>
        <message>
            <source>Import a CSV list of serials and codes</source>
            <translation>Seri numaraları ve kodlardan oluşan bir CSV listesini içe aktar</translation>
        </message>
        <message>
            <source>Imports a CSV list with a serial and a code column (comma, semicolon or tab; headers such as Serial No, Seriennummer, Seri No, Radio Code, Kod are recognised). All accepted rows or none are saved; a stored code is never overwritten. - reads the standard input.</source>
            <translation>Seri ve kod sütunu olan bir CSV listesini içe aktarır (virgül, noktalı virgül veya sekme; Serial No, Seriennummer, Seri No, Radio Code, Kod gibi başlıklar tanınır). Kabul edilen satırların ya tümü kaydedilir ya hiçbiri; kayıtlı bir kodun üzerine asla yazılmaz. - standart girdiyi okur.</translation>
        </message>
        <message>
            <source>Record a code that worked on the radio</source>
            <translation>Radyonun kabul ettiği bir kodu kaydet</translation>
        </message>
        <message>
            <source>who confirmed the code on the radio (required)</source>
            <translation>kodu radyoda onaylayan kişi (zorunlu)</translation>
        </message>
        <message>
            <source>Records a code that worked on the radio, with who confirmed it.</source>
            <translation>Radyonun kabul ettiği bir kodu, onaylayan kişiyle birlikte kaydeder.</translation>
        </message>
        <message>
            <source>Write every code as CSV</source>
            <translation>Tüm kodları CSV olarak yaz</translation>
        </message>
        <message>
            <source>Writes every code as CSV (serial,code,family,source,origin,created_at) to FILE or the standard output.</source>
            <translation>Tüm kodları CSV olarak (serial,code,family,source,origin,created_at) FILE dosyasına veya standart çıktıya yazar.</translation>
        </message>
        <message>
            <source>Show which database is used and what it holds</source>
            <translation>Hangi veritabanının kullanıldığını ve neler içerdiğini göster</translation>
        </message>
        <message>
            <source>Shows which database is used, why (--database, $RADIOCODE_DATABASE, the desktop program's setting or the default) and what it holds.</source>
            <translation>Hangi veritabanının kullanıldığını, neden seçildiğini (--database, $RADIOCODE_DATABASE, masaüstü programının ayarı veya varsayılan) ve neler içerdiğini gösterir.</translation>
        </message>
        <message>
            <source>Exit status: 0 the families were listed, 2 bad arguments.</source>
            <translation>Çıkış durumu: 0 aileler listelendi, 2 hatalı argümanlar.</translation>
        </message>
        <message>
            <source>List the job log</source>
            <translation>İş emri günlüğünü listele</translation>
        </message>
        <message>
            <source>the jobs waiting for a dealer's answer instead (no filters)</source>
            <translation>bunun yerine bayiden yanıt bekleyen iş emirleri (filtre olmadan)</translation>
        </message>
        <message>
            <source>print the jobs as one JSON object</source>
            <translation>iş emirlerini tek bir JSON nesnesi olarak yazdır</translation>
        </message>
        <message>
            <source>Lists the jobs of the job log, newest first.</source>
            <translation>İş emri günlüğündeki iş emirlerini en yeniden başlayarak listeler.</translation>
        </message>
        <message>
            <source>list --waiting shows the jobs whose code was asked of a dealer (radiocode request), how long each has waited, and a reminder after the days set in radiocode-finder.</source>
            <translation>list --waiting, kodu bir bayiye sorulan iş emirlerini (radiocode request), her birinin ne kadar beklediğini ve radiocode-finder içinde ayarlanan gün sayısından sonra bir hatırlatmayı gösterir.</translation>
        </message>
        <message>
            <source>Write the job log as CSV</source>
            <translation>İş emri günlüğünü CSV olarak yaz</translation>
        </message>
        <message>
            <source>Writes the jobs the filters choose as CSV to FILE or the standard output.</source>
            <translation>Filtrelerin seçtiği iş emirlerini CSV olarak FILE dosyasına veya standart çıktıya yazar.</translation>
        </message>
        <message>
            <source>the code tried</source>
            <translation>denenen kod</translation>
        </message>
        <message>
            <source>who did the job</source>
            <translation>işi yapan teknisyen</translation>
        </message>
        <message>
            <source>the customer</source>
            <translation>müşteri</translation>
        </message>
        <message>
            <source>the vehicle identification number</source>
            <translation>şasi numarası (VIN)</translation>
        </message>
        <message>
            <source>where the code came from</source>
            <translation>kodun kaynağı</translation>
        </message>
        <message>
            <source>Log a job by hand</source>
            <translation>Elle bir iş emri kaydet</translation>
        </message>
        <message>
            <source>how often the code was tried (0 to 99)</source>
            <translation>kodun kaç kez denendiği (0 ile 99 arası)</translation>
        </message>
        <message>
            <source>Logs a job for the radio with SERIAL, and says when codes were refused for it before.</source>
            <translation>SERIAL seri numaralı radyo için bir iş emri kaydeder ve bu radyo için daha önce kod reddedildiyse bunu belirtir.</translation>
        </message>
        <message>
            <source>How often a code was refused for a serial</source>
            <translation>Bir seri numarası için kaç kez kod reddedildiği</translation>
        </message>
        <message>
            <source>The job log: every radio the workshop looked at, the code tried and whether it worked. answer saves the code a dealer gave for a waiting job; outcome records whether the radio accepted a job's code: a code that worked is kept in the code database, a refused one is flagged for the next lookup.</source>
            <translation>İş emri günlüğü: servisin baktığı her radyo, denenen kod ve kodun kabul edilip edilmediği. answer, bir bayinin bekleyen bir iş emri için verdiği kodu kaydeder; outcome, radyonun iş emrinin kodunu kabul edip etmediğini kaydeder: kabul edilen kod kod veritabanında tutulur, reddedilen kod sonraki aramada işaretlenir.</translation>
        </message>
        <message>
            <source>the label shows the letter: radiocode lookup %1 --reading letter</source>
            <translation>etikette harf görünüyorsa: radiocode lookup %1 --reading letter</translation>
        </message>
        <message>
            <source>the label shows the digit: radiocode lookup %1 --reading digit</source>
            <translation>etikette rakam görünüyorsa: radiocode lookup %1 --reading digit</translation>
        </message>
        <message>
            <source>unknown reading "%1": use letter or digit.</source>
            <translation>bilinmeyen okuma “%1”: letter veya digit kullanın.</translation>
        </message>
        <message>
            <source>--reading only applies to a Blaupunkt serial whose 7th character is a letter that looks like a digit (O, I, L, S, B, Z or G); %1 has one reading.</source>
            <translation>--reading yalnızca 7. karakteri rakama benzeyen bir harf (O, I, L, S, B, Z veya G) olan Blaupunkt seri numaraları için geçerlidir; %1 için tek okuma var.</translation>
        </message>
        <message>
            <source>a Blaupunkt serial whose 7th character may be a letter or a digit (O or 0, I or 1, ...): which one the label shows; only that reading is looked up</source>
            <translation>7. karakteri harf veya rakam olabilen (O veya 0, I veya 1, ...) bir Blaupunkt seri numarasında etiketin hangisini gösterdiği; yalnızca o okuma aranır</translation>
        </message>
        <message>
            <source>the serial printed on the card (required)</source>
            <translation>kartta basılı seri numarası (zorunlu)</translation>
        </message>
        <message>
            <source>the code on the card (required)</source>
            <translation>karttaki kod (zorunlu)</translation>
        </message>
        <message>
            <source>the owner</source>
            <translation>araç sahibi</translation>
        </message>
        <message>
            <source>where to write the letter (required)</source>
            <translation>mektubun yazılacağı yer (zorunlu)</translation>
        </message>
        <message>
            <source>the Blaupunkt part number from the label</source>
            <translation>etiketteki Blaupunkt parça numarası</translation>
        </message>
        <message>
            <source>the dealer or service asked</source>
            <translation>talep gönderilen bayi veya servis</translation>
        </message>
        <message>
            <source>who asks</source>
            <translation>talep eden teknisyen</translation>
        </message>
        <message>
            <source>a picture of the label, printed small</source>
            <translation>etiketin resmi (küçük boyutta basılır)</translation>
        </message>
        <message>
            <source>paper size</source>
            <translation>kâğıt boyutu</translation>
        </message>
        <message>
            <source>Save the code a dealer gave for a job</source>
            <translation>Bir bayinin bir iş emri için verdiği kodu kaydet</translation>
        </message>
        <message>
            <source>who gave the code (required)</source>
            <translation>kodu veren (zorunlu)</translation>
        </message>
        <message>
            <source>the manufacturer's service gave it, not a dealer</source>
            <translation>kodu bir bayi değil, üretici servisi verdi</translation>
        </message>
        <message>
            <source>answer saves the code a dealer (or with --manufacturer, the manufacturer's service) gave for a waiting job.</source>
            <translation>answer, bir bayinin (veya --manufacturer ile üretici servisinin) bekleyen bir iş emri için verdiği kodu kaydeder.</translation>
        </message>
        <message>
            <source>Record whether the radio took the code</source>
            <translation>Radyonun kodu kabul edip etmediğini kaydet</translation>
        </message>
        <message>
            <source>who tried the code</source>
            <translation>kodu deneyen teknisyen</translation>
        </message>
        <message>
            <source>outcome records whether the radio accepted a job's code: a code that worked is kept in the code database, a refused one is flagged for the next lookup.</source>
            <translation>outcome, radyonun iş emrinin kodunu kabul edip etmediğini kaydeder: kabul edilen kod kod veritabanında tutulur, reddedilen kod sonraki aramada işaretlenir.</translation>
        </message>
        <message>
            <source>which reading of a Blaupunkt 7th character that may be a letter or a digit the label shows (see lookup)</source>
            <translation>7. karakteri harf veya rakam olabilen bir Blaupunkt seri numarasında etiketin gösterdiği okuma (bkz. lookup)</translation>
        </message>
    </context>
    <context>
        <name>radiocode::gui::AnswerDialog</name>
        <message>
            <source>Enter the answer</source>
            <translation>Yanıtı girin</translation>
        </message>
        <message>
            <source>The code given for %1. It is kept in the code database with who gave it.</source>
            <translation>%1 için verilen kod. Kod veritabanında, veren kişiyle birlikte saklanır.</translation>
        </message>
        <message>
            <source>4 digits</source>
            <translation>4 rakam</translation>
        </message>
        <message>
            <source>The answer came from the manufacturer's service</source>
            <translation>Yanıt üreticinin servisinden geldi</translation>
        </message>
        <message>
            <source>&amp;Code:</source>
            <translation>&amp;Kod:</translation>
        </message>
        <message>
            <source>&amp;From:</source>
            <translation>K&amp;imden:</translation>
        </message>
    </context>
    <context>
        <name>radiocode::gui::CardDialog</name>
        <message>
            <source>The owner has the radio card</source>
            <translation>Araç sahibinde radyo kod kartı (Radio Pass) var</translation>
        </message>
        <message>
            <source>The radio card (“Radio Pass”, “Safety-Nr”, PIN) holds the code for one radio: its serial must be this radio's, %1.</source>
            <translation>Radyo kod kartı (“Radio Pass”, “Safety-Nr”, PIN) tek bir radyonun kodunu taşır: kartın seri numarası bu radyonunki, yani %1 olmalıdır.</translation>
        </message>
        <message>
            <source>the serial as printed on the card</source>
            <translation>kartta basılı olduğu gibi seri numarası</translation>
        </message>
        <message>
            <source>4 digits</source>
            <translation>4 rakam</translation>
        </message>
        <message>
            <source>Serial on the &amp;card:</source>
            <translation>Karttaki &amp;seri numarası:</translation>
        </message>
        <message>
            <source>&amp;Code on the card:</source>
            <translation>Karttaki &amp;kod:</translation>
        </message>
        <message>
            <source>&amp;Check and show the code</source>
            <translation>&amp;Denetle ve kodu göster</translation>
        </message>
    </context>
    <context>
        <name>radiocode::gui::DatabaseIntegration</name>
        <message>
            <source>Record the code that worked</source>
            <translation>Kabul edilen kodu kaydet</translation>
        </message>
        <message>
            <source>The 4-digit code the radio accepted for %1:</source>
            <translation>Radyonun %1 için kabul ettiği 4 haneli kod:</translation>
        </message>
        <message>
            <source>&amp;Import codes…</source>
            <translation>Kodları &amp;içe aktar…</translation>
        </message>
        <message>
            <source>Job &amp;history…</source>
            <translation>İş &amp;geçmişi…</translation>
        </message>
        <message>
            <source>Database &amp;settings…</source>
            <translation>Veritabanı &amp;ayarları…</translation>
        </message>
        <message>
            <source>Save the job as done; a database code is marked as confirmed by you.</source>
            <translation>İş emrini tamamlandı olarak kaydet; veritabanından gelen bir kod sizin tarafınızdan onaylanmış olarak işaretlenir.</translation>
        </message>
        <message>
            <source>Count a wrong attempt for this radio and show what to do next.</source>
            <translation>Bu radyo için yanlış bir deneme say ve sonraki adımları göster.</translation>
        </message>
        <message>
            <source>Keep this lookup in the job log.</source>
            <translation>Bu sorguyu iş emri günlüğüne kaydet.</translation>
        </message>
        <message>
            <source>The code came from the radio card or the dealer and the radio accepted it: keep it in the code database.</source>
            <translation>Kod radyo kod kartından veya bayiden alındı ve radyo kodu kabul etti: kodu kod veritabanında saklayın.</translation>
        </message>
        <message>
            <source>Using %1</source>
            <translation>Kullanılan veritabanı: %1</translation>
        </message>
        <message>
            <source>No code database: %1</source>
            <translation>Kod veritabanı yok: %1</translation>
        </message>
        <message>
            <source>Codes were refused before</source>
            <translation>Daha önce reddedilen kodlar var</translation>
        </message>
        <message>
            <source>Job log</source>
            <translation>İş emri günlüğü</translation>
        </message>
        <message>
            <source>This code worked</source>
            <translation>Kod kabul edildi</translation>
        </message>
        <message>
            <source>Your name, to mark the code as confirmed (leave empty to only save the job):</source>
            <translation>Kodu onaylanmış olarak işaretlemek için adınız (yalnızca iş emrini kaydetmek için boş bırakın):</translation>
        </message>
        <message>
            <source>Code refused</source>
            <translation>Kod reddedildi</translation>
        </message>
        <message>
            <source>“%1” is not a code: a code is exactly 4 digits.</source>
            <translation>“%1” bir kod değil: kod tam olarak 4 haneden oluşur.</translation>
        </message>
        <message>
            <source>Your name (kept with the code, so colleagues know who confirmed it):</source>
            <translation>Adınız (kodla birlikte saklanır, böylece meslektaşlarınız kodu kimin onayladığını bilir):</translation>
        </message>
        <message>
            <source>The database holds %1 for %2 (%3). Replace it with %4, which the radio accepted?</source>
            <translation>Veritabanında %2 için %1 kodu kayıtlı (%3). Radyonun kabul ettiği %4 koduyla değiştirilsin mi?</translation>
        </message>
        <message>
            <source>Code database</source>
            <translation>Kod veritabanı</translation>
        </message>
        <message>
            <source>Using %1 read-only: lookups work, nothing can be saved</source>
            <translation>%1 salt okunur kullanılıyor: sorgular çalışır, hiçbir şey kaydedilemez</translation>
        </message>
        <message>
            <source>Save j&amp;ob</source>
            <translation>İ&amp;ş emrini kaydet</translation>
        </message>
        <message>
            <source>Opening the code database…</source>
            <translation>Kod veritabanı açılıyor…</translation>
        </message>
        <message>
            <source>Job saved.</source>
            <translation>İş emri kaydedildi.</translation>
        </message>
        <message>
            <source>&amp;Workshop details…</source>
            <translation>&amp;Servis bilgileri…</translation>
        </message>
        <message>
            <source>Code refused…</source>
            <translation>Kod reddedildi…</translation>
        </message>
        <message>
            <source>Record the code that worked…</source>
            <translation>Kabul edilen kodu kaydet…</translation>
        </message>
        <message>
            <source>Record that the radio refused the code %1? This counts a wrong attempt for %2.</source>
            <translation>Radyonun %1 kodunu reddettiği kaydedilsin mi? Bu, %2 için bir yanlış deneme sayılır.</translation>
        </message>
        <message>
            <source>Record refusal</source>
            <translation>Reddi kaydet</translation>
        </message>
        <message>
            <source>Code %1 recorded as worked. Job saved.</source>
            <translation>%1 kodu kabul edildi olarak kaydedildi. İş emri kaydedildi.</translation>
        </message>
        <message>
            <source>Code %1 recorded as worked and marked as confirmed by %2. Job saved.</source>
            <translation>%1 kodu kabul edildi olarak kaydedildi, onaylayan: %2. İş emri kaydedildi.</translation>
        </message>
        <message numerus="yes">
            <source>Code %1 recorded as refused (%n wrong attempt(s) in this job). Job saved.</source>
            <translation>
                <numerusform>%1 kodu reddedildi olarak kaydedildi (bu iş emrinde %n yanlış deneme). İş emri kaydedildi.</numerusform>
            </translation>
        </message>
        <message>
            <source>Connecting to %1 again…</source>
            <translation>%1 ile yeniden bağlanılıyor…</translation>
        </message>
        <message>
            <source>Lost the connection to %1</source>
            <translation>%1 ile bağlantı koptu</translation>
        </message>
    </context>
    <context>
        <name>radiocode::gui::DatabaseSession</name>
        <message>
            <source>The code database cannot be opened.</source>
            <translation>Kod veritabanı açılamıyor.</translation>
        </message>
        <message>
            <source>The code database is being opened: try again in a moment.</source>
            <translation>Kod veritabanı açılıyor: biraz sonra yeniden deneyin.</translation>
        </message>
        <message>
            <source>The code database cannot be reached.</source>
            <translation>Kod veritabanına erişilemiyor.</translation>
        </message>
        <message>
            <source>Code database</source>
            <translation>Kod veritabanı</translation>
        </message>
        <message>
            <source>The connection to the code database was lost. Connecting again…</source>
            <translation>Kod veritabanıyla bağlantı koptu. Yeniden bağlanılıyor…</translation>
        </message>
        <message>
            <source>Connecting to the code database…</source>
            <translation>Kod veritabanına bağlanılıyor…</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>İptal</translation>
        </message>
        <message>
            <source>The connection to the code database was lost and is being made again: try again in a moment.</source>
            <translation>Kod veritabanıyla bağlantı koptu ve yeniden kuruluyor: biraz sonra tekrar deneyin.</translation>
        </message>
        <message>
            <source>The connection to the code database was lost and it cannot be reached yet (%1). Connecting again: try again in a moment.</source>
            <translation>Kod veritabanıyla bağlantı koptu ve henüz erişilemiyor (%1). Yeniden bağlanılıyor: biraz sonra tekrar deneyin.</translation>
        </message>
    </context>
    <context>
        <name>radiocode::gui::DatabaseSettingsPage</name>
        <message>
            <source>Code database</source>
            <translation>Kod veritabanı</translation>
        </message>
        <message>
            <source>Blaupunkt and Becker codes come from the workshop's code database. Leave the field empty for the file on this computer, or enter a shared database:&lt;br&gt;&lt;tt&gt;sqlite:/path/file.db&lt;/tt&gt; or &lt;tt&gt;postgresql://user[:password]@host[:port]/dbname&lt;/tt&gt;&lt;br&gt;A password in the address is saved as plain text in this program's settings; leave it out to use the PostgreSQL password file (~/.pgpass) instead.</source>
            <translation>Blaupunkt ve Becker kodları servisin kod veritabanından gelir. Bu bilgisayardaki dosya için alanı boş bırakın veya paylaşılan bir veritabanı girin:&lt;br&gt;&lt;tt&gt;sqlite:/path/file.db&lt;/tt&gt; veya &lt;tt&gt;postgresql://user[:password]@host[:port]/dbname&lt;/tt&gt;&lt;br&gt;Adresteki parola, bu programın ayarlarında düz metin olarak kaydedilir; bunun yerine PostgreSQL parola dosyasını (~/.pgpass) kullanmak için parolayı adrese yazmayın.</translation>
        </message>
        <message>
            <source>Use the &amp;default</source>
            <translation>&amp;Varsayılanı kullan</translation>
        </message>
        <message>
            <source>&amp;Test connection</source>
            <translation>Bağlantıyı &amp;test et</translation>
        </message>
        <message>
            <source>Note: the environment variable %1 is set, so this program uses %2 whatever is saved here.</source>
            <translation>Not: %1 ortam değişkeni ayarlı olduğundan bu program, burada ne kaydedilirse kaydedilsin şu veritabanını kullanır: %2.</translation>
        </message>
        <message>
            <source>Connecting…</source>
            <translation>Bağlanılıyor…</translation>
        </message>
        <message numerus="yes">
            <source>Connected: schema %1, %n code(s) stored.</source>
            <translation>
                <numerusform>Bağlandı: şema %1, %n kod kayıtlı.</numerusform>
            </translation>
        </message>
        <message>
            <source>Database address</source>
            <translation>Veritabanı adresi</translation>
        </message>
    </context>
    <context>
        <name>radiocode::gui::FamilyCard</name>
        <message>
            <source>Serial: %1. Code from: %2.</source>
            <translation>Seri numarası: %1. Kodun kaynağı: %2.</translation>
        </message>
        <message>
            <source>%1 radio: serial %2</source>
            <translation>%1 radyosu: seri numarası %2</translation>
        </message>
        <message>
            <source>On the drawing: %1</source>
            <translation>Çizimde: %1</translation>
        </message>
    </context>
    <context>
        <name>radiocode::gui::FamilyPage</name>
        <message>
            <source>&amp;Continue with %1</source>
            <translation>%1 ile deva&amp;m et</translation>
        </message>
        <message>
            <source>&amp;Continue</source>
            <translation>Deva&amp;m</translation>
        </message>
        <message>
            <source>The program recognises the radio family from the serial.</source>
            <translation>Program, radyo ailesini seri numarasından tanır.</translation>
        </message>
        <message>
            <source>Which radio?</source>
            <translation>Hangi radyo?</translation>
        </message>
        <message>
            <source>Choose the make printed on the radio's label. The drawings show what each label looks like.</source>
            <translation>Radyonun etiketinde basılı olan markayı seçin. Çizimler her etiketin nasıl göründüğünü gösterir.</translation>
        </message>
        <message>
            <source>&amp;Not sure? Type, paste or scan the serial:</source>
            <translation>Emin değil misiniz? &amp;Seri numarasını yazın, yapıştırın veya tarayın:</translation>
        </message>
        <message>
            <source>e.g. BP53876 9672026, J727, M123456</source>
            <translation>örn. BP53876 9672026, J727, M123456</translation>
        </message>
        <message>
            <source>Serial, any radio family</source>
            <translation>Seri numarası, herhangi bir radyo ailesi</translation>
        </message>
    </context>
    <context>
        <name>radiocode::gui::HelpPage</name>
        <message>
            <source>Help</source>
            <translation>Yardım</translation>
        </message>
        <message>
            <source>&amp;Close help</source>
            <translation>Yardımı &amp;kapat</translation>
        </message>
        <message>
            <source>Help text</source>
            <translation>Yardım metni</translation>
        </message>
        <message>
            <source>When the radio refuses the code</source>
            <translation>Radyo kodu kabul etmezse</translation>
        </message>
        <message>
            <source>Attempts and lock-out</source>
            <translation>Denemeler ve kilitlenme</translation>
        </message>
        <message>
            <source>Entering a code</source>
            <translation>Kod girme</translation>
        </message>
        <message>
            <source>Station buttons 1 to 4 set the four digits: press 1 until the first digit shows, 2 for the second, 3 for the third and 4 for the fourth. Then confirm with the button the result page names.</source>
            <translation>1–4 numaralı istasyon tuşları kodun dört hanesini ayarlar: ilk hane görünene kadar 1 numaralı tuşa, ikinci hane için 2 numaralı tuşa, üçüncü için 3 numaralı tuşa ve dördüncü için 4 numaralı tuşa basın. Ardından sonuç sayfasında belirtilen tuşla onaylayın.</translation>
        </message>
        <message>
            <source>Keyboard</source>
            <translation>Klavye</translation>
        </message>
        <message>
            <source>Go on: choose the focused card, look the serial up, next step</source>
            <translation>İlerle: odaktaki kartı seç, seri numarasını sorgula, sonraki adım</translation>
        </message>
        <message>
            <source>Back one step</source>
            <translation>Bir adım geri</translation>
        </message>
        <message>
            <source>Choose Blaupunkt, Renault, Becker, Visteon</source>
            <translation>Blaupunkt, Renault, Becker, Visteon seçimi</translation>
        </message>
        <message>
            <source>Zoom the label drawing</source>
            <translation>Etiket çizimini yakınlaştır</translation>
        </message>
        <message>
            <source>This help</source>
            <translation>Bu yardım</translation>
        </message>
        <message>
            <source>Barcode scanner</source>
            <translation>Barkod okuyucu</translation>
        </message>
        <message>
            <source>Scan the radio's label on any page: the program looks the serial up as a new radio, whatever had the focus. Keys typed by hand work as usual.</source>
            <translation>Radyonun etiketini herhangi bir sayfada okutun: odak nerede olursa olsun program seri numarasını yeni bir radyo olarak arar. Elle basılan tuşlar her zamanki gibi çalışır.</translation>
        </message>
    </context>
    <context>
        <name>radiocode::gui::HistoryWindow</name>
        <message>
            <source>Job history</source>
            <translation>İş emri geçmişi</translation>
        </message>
        <message>
            <source>All radios</source>
            <translation>Tüm radyolar</translation>
        </message>
        <message>
            <source>Any outcome</source>
            <translation>Tüm sonuçlar</translation>
        </message>
        <message>
            <source>From</source>
            <translation>Başlangıç</translation>
        </message>
        <message>
            <source>To</source>
            <translation>Bitiş</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Tarih</translation>
        </message>
        <message>
            <source>Radio</source>
            <translation>Radyo</translation>
        </message>
        <message>
            <source>Serial</source>
            <translation>Seri numarası</translation>
        </message>
        <message>
            <source>Code</source>
            <translation>Kod</translation>
        </message>
        <message>
            <source>Outcome</source>
            <translation>Sonuç</translation>
        </message>
        <message>
            <source>Attempts</source>
            <translation>Denemeler</translation>
        </message>
        <message>
            <source>Customer</source>
            <translation>Müşteri</translation>
        </message>
        <message>
            <source>Registration</source>
            <translation>Plaka</translation>
        </message>
        <message>
            <source>Technician</source>
            <translation>Teknisyen</translation>
        </message>
        <message>
            <source>&amp;Reopen</source>
            <translation>&amp;Yeniden aç</translation>
        </message>
        <message>
            <source>Re&amp;print sheet…</source>
            <translation>Talimat sayfasını yeniden ya&amp;zdır…</translation>
        </message>
        <message>
            <source>&amp;Export CSV…</source>
            <translation>CSV olarak &amp;dışa aktar…</translation>
        </message>
        <message>
            <source>No code database is open: see Database ▸ Settings.</source>
            <translation>Açık bir kod veritabanı yok: Veritabanı ▸ Veritabanı ayarları bölümüne bakın.</translation>
        </message>
        <message numerus="yes">
            <source>%n job(s)</source>
            <translation>
                <numerusform>%n iş emri</numerusform>
            </translation>
        </message>
        <message>
            <source>Cannot write %1: %2</source>
            <translation>Yazılamıyor: %1: %2</translation>
        </message>
        <message>
            <source>Export jobs</source>
            <translation>İş emirlerini dışa aktar</translation>
        </message>
        <message>
            <source>CSV files (*.csv)</source>
            <translation>CSV dosyaları (*.csv)</translation>
        </message>
        <message numerus="yes">
            <source>%n job(s) exported to %1.</source>
            <translation>
                <numerusform>%n iş emri dışa aktarıldı: %1.</numerusform>
            </translation>
        </message>
        <message>
            <source>Serial, code, customer, registration, VIN, technician or notes</source>
            <translation>Seri numarası, kod, müşteri, plaka, VIN, teknisyen veya notlar</translation>
        </message>
        <message>
            <source>Search the jobs</source>
            <translation>İş emirlerinde ara</translation>
        </message>
        <message>
            <source>Waiting for codes</source>
            <translation>Kod bekleyenler</translation>
        </message>
        <message>
            <source>Radio family</source>
            <translation>Radyo ailesi</translation>
        </message>
        <message>
            <source>From date</source>
            <translation>Başlangıç tarihi</translation>
        </message>
        <message>
            <source>To date</source>
            <translation>Bitiş tarihi</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>Notlar</translation>
        </message>
        <message>
            <source>Jobs</source>
            <translation>İş emirleri</translation>
        </message>
        <message>
            <source>Change &amp;outcome</source>
            <translation>S&amp;onucu değiştir</translation>
        </message>
        <message>
            <source>Enter the &amp;answer…</source>
            <translation>Yanıtı &amp;gir…</translation>
        </message>
        <message>
            <source>Enter the answer</source>
            <translation>Yanıtı girin</translation>
        </message>
        <message>
            <source>Choose a job under “Waiting for codes” first.</source>
            <translation>Önce “Kod bekleyenler” altından bir iş emri seçin.</translation>
        </message>
        <message>
            <source>“%1” is not a code: a code is exactly 4 digits.</source>
            <translation>“%1” bir kod değil: kod tam olarak 4 haneden oluşur.</translation>
        </message>
        <message>
            <source>Say who gave the code: it is kept with the code.</source>
            <translation>Kodu kimin verdiğini belirtin: kodla birlikte saklanır.</translation>
        </message>
        <message>
            <source>The code database holds %1 for this radio (%2), not %3: nothing was changed. Check the answer with %4.</source>
            <translation>Kod veritabanında bu radyo (%2) için %3 değil, %1 kayıtlı: hiçbir şey değiştirilmedi. Yanıtı şu kaynakla kontrol edin: %4.</translation>
        </message>
        <message>
            <source>Job #%1 is no longer waiting for a code.</source>
            <translation>İş emri #%1 artık kod beklemiyor.</translation>
        </message>
        <message>
            <source>Change outcome</source>
            <translation>Sonucu değiştir</translation>
        </message>
        <message>
            <source>Job of %1 (%2): outcome changed to “%3”.</source>
            <translation>İş emri (%1, %2): sonuç “%3” olarak değiştirildi.</translation>
        </message>
        <message>
            <source>View &amp;label photo…</source>
            <translation>&amp;Etiket fotoğrafı…</translation>
        </message>
        <message>
            <source>A photo of the label is kept with this job</source>
            <translation>Bu iş emriyle birlikte bir etiket fotoğrafı saklanıyor</translation>
        </message>
        <message>
            <source>Label photo</source>
            <translation>Etiket fotoğrafı</translation>
        </message>
    </context>
    <context>
        <name>radiocode::gui::ImportDialog</name>
        <message>
            <source>Import codes</source>
            <translation>Kodları içe aktar</translation>
        </message>
        <message>
            <source>A CSV file with the columns serial and code</source>
            <translation>serial ve code sütunlarını içeren bir CSV dosyası</translation>
        </message>
        <message>
            <source>&amp;Choose file…</source>
            <translation>&amp;Dosya seç…</translation>
        </message>
        <message>
            <source>Choose the code list to import. Nothing is saved until you press Import.</source>
            <translation>İçe aktarılacak kod listesini seçin. “İçe aktar” düğmesine basılana kadar hiçbir şey kaydedilmez.</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>İptal</translation>
        </message>
        <message>
            <source>Line</source>
            <translation>Satır</translation>
        </message>
        <message>
            <source>Serial</source>
            <translation>Seri numarası</translation>
        </message>
        <message>
            <source>Problem</source>
            <translation>Sorun</translation>
        </message>
        <message>
            <source>Replace stored code</source>
            <translation>Kayıtlı kodu değiştir</translation>
        </message>
        <message>
            <source>&amp;Import</source>
            <translation>&amp;İçe aktar</translation>
        </message>
        <message>
            <source>Replace stored codes</source>
            <translation>Kayıtlı kodları değiştir</translation>
        </message>
        <message>
            <source>Code lists (*.csv *.txt);;All files (*)</source>
            <translation>Kod listeleri (*.csv *.txt);;Tüm dosyalar (*)</translation>
        </message>
        <message numerus="yes">
            <source>Import the list and replace %n stored code(s) with the file's code? The replaced codes are gone afterwards.</source>
            <translation>
                <numerusform>Liste içe aktarılsın ve kayıtlı %n kod dosyadaki kodla değiştirilsin mi? Değiştirilen kodlar daha sonra geri alınamaz.</numerusform>
            </translation>
        </message>
        <message>
            <source>Cancelling…</source>
            <translation>İptal ediliyor…</translation>
        </message>
        <message>
            <source>Checking %1…</source>
            <translation>Kontrol ediliyor: %1…</translation>
        </message>
        <message>
            <source>Importing %1…</source>
            <translation>İçe aktarılıyor: %1…</translation>
        </message>
        <message>
            <source>Cannot read %1: %2</source>
            <translation>Okunamıyor: %1: %2</translation>
        </message>
        <message>
            <source>%1 cannot be imported: %2</source>
            <translation>%1 içe aktarılamıyor: %2</translation>
        </message>
        <message>
            <source>Check cancelled. Nothing was saved.</source>
            <translation>Kontrol iptal edildi. Hiçbir şey kaydedilmedi.</translation>
        </message>
        <message>
            <source>Import cancelled. Nothing was saved.</source>
            <translation>İçe aktarma iptal edildi. Hiçbir şey kaydedilmedi.</translation>
        </message>
        <message>
            <source>%1 checked. If imported: %2.</source>
            <translation>%1 kontrol edildi. İçe aktarılırsa: %2.</translation>
        </message>
        <message>
            <source>Stored codes are kept; tick “Replace stored code” for a conflict only when you are sure the file is right.</source>
            <translation>Kayıtlı kodlar korunur; bir çakışma için “Kayıtlı kodu değiştir” seçeneğini yalnızca dosyanın doğru olduğundan eminseniz işaretleyin.</translation>
        </message>
        <message>
            <source>Imported from %1: %2.</source>
            <translation>%1 dosyasından içe aktarıldı: %2.</translation>
        </message>
        <message numerus="yes">
            <source>%n stored code(s) replaced with the file's code.</source>
            <translation>
                <numerusform>Kayıtlı %n kod dosyadaki kodla değiştirildi.</numerusform>
            </translation>
        </message>
        <message>
            <source>Replacing the chosen codes failed.</source>
            <translation>Seçilen kodlar değiştirilemedi.</translation>
        </message>
        <message>
            <source>Keep stored %1, or use %2</source>
            <translation>Kayıtlı %1 kodunu koru veya %2 kodunu kullan</translation>
        </message>
        <message>
            <source>Code list file</source>
            <translation>Kod listesi dosyası</translation>
        </message>
        <message>
            <source>The first rows of the file</source>
            <translation>Dosyanın ilk satırları</translation>
        </message>
        <message>
            <source>&amp;Restore leading zeros a spreadsheet dropped (420 → 0420, marked in the source)</source>
            <translation>Elektronik tablonun sildiği baştaki sıfırları &amp;geri yükle (420 → 0420, kaynakta işaretlenir)</translation>
        </message>
        <message>
            <source>&amp;Serial column:</source>
            <translation>&amp;Seri numarası sütunu:</translation>
        </message>
        <message>
            <source>C&amp;ode column:</source>
            <translation>K&amp;od sütunu:</translation>
        </message>
        <message>
            <source>Problems and conflicts in the file</source>
            <translation>Dosyadaki sorunlar ve çakışmalar</translation>
        </message>
        <message>
            <source>Choose the serial and the code column above.</source>
            <translation>Yukarıdan seri numarası ve kod sütununu seçin.</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>%1: %2</translation>
        </message>
        <message>
            <source>(choose the serial column)</source>
            <translation>(seri numarası sütununu seçin)</translation>
        </message>
        <message>
            <source>(choose the code column)</source>
            <translation>(kod sütununu seçin)</translation>
        </message>
    </context>
    <context>
        <name>radiocode::gui::JobDetailsPage</name>
        <message>
            <source>Optional: 17 characters, never I, O or Q.</source>
            <translation>İsteğe bağlı: 17 karakter, asla I, O veya Q içermez.</translation>
        </message>
        <message>
            <source>Job details</source>
            <translation>İş emri ayrıntıları</translation>
        </message>
        <message>
            <source>Optional: these go on the instruction sheet. The technician's name is remembered for the next job.</source>
            <translation>İsteğe bağlı: bu bilgiler talimat sayfasına yazılır. Teknisyenin adı sonraki iş emri için hatırlanır.</translation>
        </message>
        <message>
            <source>C&amp;ustomer:</source>
            <translation>&amp;Müşteri:</translation>
        </message>
        <message>
            <source>&amp;Registration:</source>
            <translation>&amp;Plaka:</translation>
        </message>
        <message>
            <source>V&amp;IN:</source>
            <translation>&amp;Şasi no (VIN):</translation>
        </message>
        <message>
            <source>&amp;Technician:</source>
            <translation>&amp;Teknisyen:</translation>
        </message>
        <message>
            <source>N&amp;otes:</source>
            <translation>&amp;Notlar:</translation>
        </message>
        <message>
            <source>Customer</source>
            <translation>Müşteri</translation>
        </message>
        <message>
            <source>Registration</source>
            <translation>Plaka</translation>
        </message>
        <message>
            <source>Vehicle identification number</source>
            <translation>Şasi numarası (VIN)</translation>
        </message>
        <message>
            <source>Technician</source>
            <translation>Teknisyen</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>Notlar</translation>
        </message>
        <message>
            <source>&amp;Back to the code</source>
            <translation>&amp;Koda geri dön</translation>
        </message>
        <message>
            <source>Print pre&amp;view…</source>
            <translation>Baskı &amp;önizleme…</translation>
        </message>
    </context>
    <context>
        <name>radiocode::gui::LabelGuidePage</name>
        <message>
            <source>Where is the serial? – %1</source>
            <translation>Seri numarası nerede? – %1</translation>
        </message>
        <message>
            <source>Zoom &amp;in</source>
            <translation>Yakınlaş&amp;tır</translation>
        </message>
        <message>
            <source>Zoom &amp;out</source>
            <translation>&amp;Uzaklaştır</translation>
        </message>
        <message>
            <source>Fit to &amp;window</source>
            <translation>&amp;Pencereye sığdır</translation>
        </message>
        <message>
            <source>Next: &amp;type the serial</source>
            <translation>Sonraki: seri numarasını ya&amp;z</translation>
        </message>
        <message>
            <source>Enter</source>
            <translation>Enter</translation>
        </message>
        <message>
            <source>Zoom in (Ctrl++, Ctrl+mouse wheel)</source>
            <translation>Yakınlaştır (Ctrl++, Ctrl+fare tekerleği)</translation>
        </message>
        <message>
            <source>Zoom out (Ctrl+-)</source>
            <translation>Uzaklaştır (Ctrl+-)</translation>
        </message>
        <message>
            <source>Show the whole label (Ctrl+0)</source>
            <translation>Etiketin tamamını göster (Ctrl+0)</translation>
        </message>
        <message>
            <source>Serial:</source>
            <translation>Seri numarası:</translation>
        </message>
        <message>
            <source>Code from:</source>
            <translation>Kodun kaynağı:</translation>
        </message>
        <message>
            <source>The serial area is highlighted in orange on the drawing.</source>
            <translation>Seri numarası alanı çizimde turuncu renkle vurgulanmıştır.</translation>
        </message>
    </context>
    <context>
        <name>radiocode::gui::LabelPhotoViewer</name>
        <message>
            <source>Label photo of %1</source>
            <translation>Etiket fotoğrafı: %1</translation>
        </message>
        <message>
            <source>The photo kept with this job cannot be shown: its data is damaged.</source>
            <translation>Bu iş emriyle saklanan fotoğraf gösterilemiyor: verileri bozuk.</translation>
        </message>
        <message>
            <source>Photo of the radio's label</source>
            <translation>Radyo etiketinin fotoğrafı</translation>
        </message>
        <message>
            <source>Taken on %1.</source>
            <translation>Çekim tarihi: %1.</translation>
        </message>
        <message>
            <source>Read off this picture as %1 on %2 (framed in green). Compare it with the serial of the job: %3.</source>
            <translation>Bu resimden %2 tarihinde %1 olarak okundu (yeşil çerçeve içinde). İş emrinin seri numarasıyla karşılaştırın: %3.</translation>
        </message>
    </context>
    <context>
        <name>radiocode::gui::LabelScanIntegration</name>
        <message>
            <source>Read from a photo…</source>
            <translation>Fotoğraftan oku…</translation>
        </message>
        <message>
            <source>Find the serial on a photo or scan of the label (you can also drop a picture onto the window or paste one with Ctrl+V)</source>
            <translation>Seri numarasını etiketin fotoğrafında veya taramasında bul (bir resmi pencereye de bırakabilir veya Ctrl+V ile yapıştırabilirsiniz)</translation>
        </message>
        <message>
            <source>Use the webcam</source>
            <translation>Web kamerasını kullan</translation>
        </message>
        <message>
            <source>Use the webcam (none found)</source>
            <translation>Web kamerasını kullan (bulunamadı)</translation>
        </message>
        <message>
            <source>Read the serial from the label held in front of the webcam</source>
            <translation>Web kamerasının önünde tutulan etiketten seri numarasını oku</translation>
        </message>
        <message>
            <source>No webcam is connected. Connect one, then try again.</source>
            <translation>Bağlı web kamerası yok. Bir tane bağlayıp yeniden deneyin.</translation>
        </message>
        <message>
            <source>Read the serial from a photo</source>
            <translation>Seri numarasını fotoğraftan oku</translation>
        </message>
        <message>
            <source>Pictures (%1)</source>
            <translation>Resimler (%1)</translation>
        </message>
        <message>
            <source>pasted picture</source>
            <translation>yapıştırılan resim</translation>
        </message>
    </context>
    <context>
        <name>radiocode::gui::MainWindow</name>
        <message>
            <source>About Nissan Radio Code Finder</source>
            <translation>Nissan Radio Code Finder hakkında</translation>
        </message>
        <message>
            <source>&lt;p&gt;&lt;b&gt;Nissan Radio Code Finder %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Finds the unlock code of a Nissan radio (Blaupunkt, Renault, Becker, Visteon) and shows how to enter it.&lt;/p&gt;&lt;p&gt;Codes come only from the public Renault precode and Visteon M-serial algorithms or from the workshop's code database; every result says which.&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;Nissan Radio Code Finder %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Bir Nissan radyosunun (Blaupunkt, Renault, Becker, Visteon) kilit açma kodunu bulur ve nasıl girileceğini gösterir.&lt;/p&gt;&lt;p&gt;Kodlar yalnızca bilinen (açık) Renault ön kod ve Visteon M seri numarası algoritmalarından veya servisin kod veritabanından gelir; her sonuç kaynağını belirtir.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>Code found for %1.</source>
            <translation>%1 için kod bulundu.</translation>
        </message>
        <message>
            <source>Radio</source>
            <translation>Radyo</translation>
        </message>
        <message>
            <source>Label</source>
            <translation>Etiket</translation>
        </message>
        <message>
            <source>Serial</source>
            <translation>Seri numarası</translation>
        </message>
        <message>
            <source>Code</source>
            <translation>Kod</translation>
        </message>
        <message>
            <source>Job details</source>
            <translation>İş emri</translation>
        </message>
        <message>
            <source>Help</source>
            <translation>Yardım</translation>
        </message>
        <message>
            <source>Step %1 of 5: %2</source>
            <translation>Adım %1/5: %2</translation>
        </message>
        <message>
            <source>Check the VIN before printing.</source>
            <translation>Yazdırmadan önce şasi numarasını (VIN) kontrol edin.</translation>
        </message>
        <message>
            <source>Print preview – instruction sheet</source>
            <translation>Baskı önizleme – talimat sayfası</translation>
        </message>
        <message>
            <source>Print</source>
            <translation>Yazdır</translation>
        </message>
        <message>
            <source>Check the VIN before saving the sheet.</source>
            <translation>Talimat sayfasını kaydetmeden önce şasi numarasını (VIN) kontrol edin.</translation>
        </message>
        <message>
            <source>radio-code-%1.pdf</source>
            <translation>radio-code-%1.pdf</translation>
        </message>
        <message>
            <source>Save the instruction sheet as PDF</source>
            <translation>Talimat sayfasını PDF olarak kaydet</translation>
        </message>
        <message>
            <source>PDF files (*.pdf)</source>
            <translation>PDF dosyaları (*.pdf)</translation>
        </message>
        <message>
            <source>Save as PDF</source>
            <translation>PDF olarak kaydet</translation>
        </message>
        <message>
            <source>Saved %1.</source>
            <translation>Kaydedildi: %1.</translation>
        </message>
        <message>
            <source>Workshop name</source>
            <translation>Servis adı</translation>
        </message>
        <message>
            <source>The workshop's name, printed at the top of every sheet:</source>
            <translation>Servisin adı, her talimat sayfasının üst kısmına basılır:</translation>
        </message>
        <message>
            <source>Nissan Radio Code Finder</source>
            <translation>Nissan Radio Code Finder</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;Dosya</translation>
        </message>
        <message>
            <source>Print pre&amp;view…</source>
            <translation>Baskı ö&amp;nizleme…</translation>
        </message>
        <message>
            <source>&amp;Print…</source>
            <translation>&amp;Yazdır…</translation>
        </message>
        <message>
            <source>Save as P&amp;DF…</source>
            <translation>P&amp;DF olarak kaydet…</translation>
        </message>
        <message>
            <source>&amp;Workshop name…</source>
            <translation>&amp;Servis adı…</translation>
        </message>
        <message>
            <source>P&amp;aper size</source>
            <translation>Kâğıt &amp;boyutu</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>Çı&amp;kış</translation>
        </message>
        <message>
            <source>&amp;Go</source>
            <translation>&amp;Git</translation>
        </message>
        <message>
            <source>&amp;New radio</source>
            <translation>&amp;Yeni radyo</translation>
        </message>
        <message>
            <source>&amp;Back</source>
            <translation>&amp;Geri</translation>
        </message>
        <message>
            <source>&amp;Quick lookup</source>
            <translation>&amp;Hızlı arama</translation>
        </message>
        <message>
            <source>&amp;Job details</source>
            <translation>&amp;İş emri ayrıntıları</translation>
        </message>
        <message>
            <source>&amp;Database</source>
            <translation>Verit&amp;abanı</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>D&amp;il</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Yardım</translation>
        </message>
        <message>
            <source>&amp;Troubleshooting and keys</source>
            <translation>&amp;Sorun giderme ve klavye</translation>
        </message>
        <message>
            <source>&amp;About</source>
            <translation>&amp;Hakkında</translation>
        </message>
        <message>
            <source>&amp;Quick lookup:</source>
            <translation>&amp;Hızlı arama:</translation>
        </message>
        <message>
            <source>Serial of any radio, then Enter</source>
            <translation>Herhangi bir radyonun seri numarası, ardından Enter</translation>
        </message>
        <message>
            <source>Quick lookup: serial of any radio</source>
            <translation>Hızlı arama: herhangi bir radyonun seri numarası</translation>
        </message>
        <message>
            <source>Back</source>
            <translation>Geri</translation>
        </message>
        <message>
            <source>Back one step (Esc)</source>
            <translation>Bir adım geri (Esc)</translation>
        </message>
        <message>
            <source>The job details (customer, registration, VIN, notes) were entered for %1. Keep them for %2?</source>
            <translation>İş emri ayrıntıları (müşteri, plaka, VIN, notlar) %1 için girilmişti. %2 için de saklansın mı?</translation>
        </message>
        <message>
            <source>Another radio</source>
            <translation>Başka radyo</translation>
        </message>
        <message>
            <source>Keep them</source>
            <translation>Sakla</translation>
        </message>
        <message>
            <source>Clear them</source>
            <translation>Temizle</translation>
        </message>
        <message>
            <source>Another radio: the job details of %1 were cleared.</source>
            <translation>Başka radyo: %1 için girilen iş emri ayrıntıları temizlendi.</translation>
        </message>
        <message>
            <source>Scanned “%1”: this serial cannot be looked up as it is, see the message under it.</source>
            <translation>Okutulan “%1”: bu seri numarası bu hâliyle aranamaz, altındaki mesaja bakın.</translation>
        </message>
        <message>
            <source>The code database now has a code for %1.</source>
            <translation>Kod veritabanında artık %1 için bir kod var.</translation>
        </message>
        <message>
            <source>The code database's answer for %1 has changed.</source>
            <translation>Kod veritabanının %1 için yanıtı değişti.</translation>
        </message>
        <message>
            <source>Sheet saved as %1.</source>
            <translation>Talimat sayfası şu adla kaydedildi: %1.</translation>
        </message>
        <message>
            <source>Sheet for %1 sent to the printer.</source>
            <translation>%1 için talimat sayfası yazıcıya gönderildi.</translation>
        </message>
        <message>
            <source>Printed: job %1 on %2</source>
            <translation>Yazdırıldı: yazdırma işi %1, yazıcı: %2</translation>
        </message>
        <message>
            <source>Nothing was printed.</source>
            <translation>Hiçbir şey yazdırılmadı.</translation>
        </message>
        <message>
            <source>radio-code-card-%1.pdf</source>
            <translation>radio-code-card-%1.pdf</translation>
        </message>
        <message>
            <source>Print &amp;without asking (on the last printer)</source>
            <translation>S&amp;ormadan yazdır (son yazıcıda)</translation>
        </message>
        <message>
            <source>Print code &amp;card…</source>
            <translation>Kod kar&amp;tını yazdır…</translation>
        </message>
        <message>
            <source>Code card (glovebo&amp;x)</source>
            <translation>Kod kartı (tor&amp;pido gözü)</translation>
        </message>
        <message>
            <source>A small card with the code for the owner's handbook or the glovebox</source>
            <translation>Araç kullanım kılavuzunun arasına veya torpido gözüne konacak, kodu yazılı küçük bir kart</translation>
        </message>
        <message>
            <source>Print code card (85 × 54 mm)…</source>
            <translation>Kod kartını yazdır (85 × 54 mm)…</translation>
        </message>
        <message>
            <source>Print code label (62 mm label printer)…</source>
            <translation>Kod etiketini yazdır (62 mm etiket yazıcısı)…</translation>
        </message>
        <message>
            <source>Save code card as PDF…</source>
            <translation>Kod kartını PDF olarak kaydet…</translation>
        </message>
        <message>
            <source>The code database answers again: it holds no code for %1.</source>
            <translation>Kod veritabanı yeniden yanıt veriyor: %1 için kayıtlı kod yok.</translation>
        </message>
    </context>
    <context>
        <name>radiocode::gui::MarkedInput</name>
        <message>
            <source>Character %1 is marked</source>
            <translation>%1. karakter işaretli</translation>
        </message>
    </context>
    <context>
        <name>radiocode::gui::NoCodeActions</name>
        <message>
            <source>The o&amp;wner has the radio card…</source>
            <translation>Araç &amp;sahibinde radyo kod kartı var…</translation>
        </message>
        <message>
            <source>Enter the serial and the code from the owner's radio card.</source>
            <translation>Araç sahibinin radyo kod kartındaki (Radio Pass) seri numarasını ve kodu girin.</translation>
        </message>
        <message>
            <source>Request th&amp;e code…</source>
            <translation>Kodu &amp;talep et…</translation>
        </message>
        <message>
            <source>Print a request for the code to a Nissan dealer or the manufacturer's service, and keep the job waiting for the answer.</source>
            <translation>Bir Nissan bayisine veya üreticinin servisine kod talebi yazdırın ve iş emrini yanıt beklemede tutun.</translation>
        </message>
        <message>
            <source>The card's serial: %1</source>
            <translation>Kartın seri numarası: %1</translation>
        </message>
        <message>
            <source>“%1” is not a code: a code is exactly 4 digits.</source>
            <translation>“%1” bir kod değil: kod tam olarak 4 haneden oluşur.</translation>
        </message>
        <message>
            <source>Job #%1 is waiting for the code.</source>
            <translation>İş emri #%1 kod bekliyor.</translation>
        </message>
        <message>
            <source>Job #%1 is waiting for the code from %2.</source>
            <translation>İş emri #%1 kod bekliyor (talep gönderilen: %2).</translation>
        </message>
        <message>
            <source>job #%1</source>
            <translation>iş emri #%1</translation>
        </message>
        <message>
            <source>Request the code</source>
            <translation>Kodu talep et</translation>
        </message>
        <message>
            <source>Save the request as PDF</source>
            <translation>Talebi PDF olarak kaydet</translation>
        </message>
        <message>
            <source>PDF files (*.pdf)</source>
            <translation>PDF dosyaları (*.pdf)</translation>
        </message>
        <message>
            <source>The request could not be printed.</source>
            <translation>Talep yazdırılamadı.</translation>
        </message>
        <message>
            <source>Database ▸ Job history ▸ Waiting for codes.</source>
            <translation>Veritabanı ▸ İş emri geçmişi ▸ Kod bekleyenler.</translation>
        </message>
    </context>
    <context>
        <name>radiocode::gui::PhotoReaderDialog</name>
        <message>
            <source>Read the serial from a photo</source>
            <translation>Seri numarasını fotoğraftan oku</translation>
        </message>
        <message>
            <source>No picture yet.</source>
            <translation>Henüz resim yok.</translation>
        </message>
        <message>
            <source>Picture: %1</source>
            <translation>Resim: %1</translation>
        </message>
        <message>
            <source>A serial read off a picture can be misread: compare it with the label before you look up the code.</source>
            <translation>Resimden okunan seri numarası yanlış okunmuş olabilir: kodu aramadan önce etiketle karşılaştırın.</translation>
        </message>
        <message>
            <source>Stop reading</source>
            <translation>Okumayı durdur</translation>
        </message>
        <message>
            <source>Zoom in</source>
            <translation>Yakınlaştır</translation>
        </message>
        <message>
            <source>Zoom out</source>
            <translation>Uzaklaştır</translation>
        </message>
        <message>
            <source>Fit</source>
            <translation>Sığdır</translation>
        </message>
        <message>
            <source>Use this serial</source>
            <translation>Bu seri numarasını kullan</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Kapat</translation>
        </message>
        <message>
            <source>%1 does not exist (any more).</source>
            <translation>%1 (artık) yok.</translation>
        </message>
        <message>
            <source>%1 cannot be read: it is a folder, or you have no permission to read it.</source>
            <translation>%1 okunamıyor: bir klasör veya okuma izniniz yok.</translation>
        </message>
        <message>
            <source>%1 is not a picture this program can read. Use a PNG or JPEG file.</source>
            <translation>%1 bu programın okuyabileceği bir resim değil. PNG veya JPEG dosyası kullanın.</translation>
        </message>
        <message>
            <source>%1 is damaged or cut short. Take or save the picture again.</source>
            <translation>%1 hasarlı veya eksik. Resmi yeniden çekin veya kaydedin.</translation>
        </message>
        <message>
            <source>%1 is larger than %2 megapixels. Save a smaller copy and try again.</source>
            <translation>%1 boyutu %2 megapikselden büyük. Daha küçük bir kopya kaydedip yeniden deneyin.</translation>
        </message>
        <message>
            <source>Reading the label…</source>
            <translation>Etiket okunuyor…</translation>
        </message>
        <message>
            <source>unknown radio</source>
            <translation>bilinmeyen radyo</translation>
        </message>
        <message>
            <source>barcode (%1)</source>
            <translation>barkod (%1)</translation>
        </message>
        <message>
            <source>printed text, %1% sure</source>
            <translation>basılı metin, güven: %1%</translation>
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
            <translation>%1 – “%2” olarak okundu
%3 · %4</translation>
        </message>
        <message>
            <source>Reading stopped. Nothing was taken from this picture.</source>
            <translation>Okuma durduruldu. Bu resimden hiçbir şey alınmadı.</translation>
        </message>
        <message>
            <source>No serial found on this picture. Take the photo closer and straight on, with light on the label, or type the serial.</source>
            <translation>Bu resimde seri numarası bulunamadı. Fotoğrafı daha yakından, tam karşıdan ve etiketi aydınlatarak çekin veya seri numarasını yazın.</translation>
        </message>
        <message numerus="yes">
            <source>%n different serials on this picture: choose the one on this radio.</source>
            <translation>
                <numerusform>Bu resimde %n farklı seri numarası var: bu radyodakini seçin.</numerusform>
            </translation>
        </message>
        <message>
            <source>Found one serial. Check it against the label, then use it.</source>
            <translation>Bir seri numarası bulundu. Etiketle karşılaştırın, sonra kullanın.</translation>
        </message>
        <message>
            <source>Something like a serial was read, but a character looks wrong: check the label.</source>
            <translation>Seri numarasına benzer bir şey okundu, ancak bir karakter yanlış görünüyor: etiketi kontrol edin.</translation>
        </message>
        <message>
            <source>&amp;Keep this picture with the job</source>
            <translation>Bu resmi iş emriyle birlikte &amp;sakla</translation>
        </message>
        <message>
            <source>A small copy is saved with the job and printed on the sheet, so a refused code can be checked against the real label</source>
            <translation>Küçük bir kopyası iş emriyle birlikte saklanır ve talimat sayfasına basılır; böylece kod reddedilirse gerçek etiketle karşılaştırılabilir</translation>
        </message>
        <message>
            <source>%1 – %2
%3 · %4
Part number %5 (printed text, %6% sure; it fits the serial)</source>
            <translation>%1 – %2
%3 · %4
Parça numarası %5 (basılı metin, güven: %6%; seri numarasıyla uyumlu)</translation>
        </message>
        <message>
            <source>A part number was read that does not fit the serial, so it was not taken: compare both with the label and type the part number.</source>
            <translation>Seri numarasıyla uyuşmayan bir parça numarası okundu, bu yüzden alınmadı: ikisini de etiketle karşılaştırın ve parça numarasını yazın.</translation>
        </message>
    </context>
    <context>
        <name>radiocode::gui::RequestDialog</name>
        <message>
            <source>Request the code</source>
            <translation>Kodu talep et</translation>
        </message>
        <message>
            <source>A letter for a Nissan dealer or the %1 service: the workshop, the vehicle, the radio and the proof of ownership to enclose, with the owner's signature. Empty fields are left blank to fill in by hand.</source>
            <translation>Bir Nissan bayisine veya %1 servisine mektup: servis bilgileriniz, araç, radyo, eklenecek mülkiyet belgesi ve araç sahibinin imzası. Boş alanlar elle doldurulmak üzere boş bırakılır.</translation>
        </message>
        <message>
            <source>The workshop's details are not set yet: Database ▸ Workshop details.</source>
            <translation>Servis bilgileri henüz ayarlanmadı: Veritabanı ▸ Servis bilgileri.</translation>
        </message>
        <message>
            <source>From: %1.</source>
            <translation>Kimden: %1.</translation>
        </message>
        <message>
            <source>e.g. the Nissan dealer's name</source>
            <translation>örn. Nissan bayisinin adı</translation>
        </message>
        <message>
            <source>&amp;To:</source>
            <translation>&amp;Kime:</translation>
        </message>
        <message>
            <source>Radio:</source>
            <translation>Radyo:</translation>
        </message>
        <message>
            <source>%1 · serial %2</source>
            <translation>%1 · seri numarası %2</translation>
        </message>
        <message>
            <source>10 digits on the label, 7 6…</source>
            <translation>Etiketteki 10 rakam, 7 6…</translation>
        </message>
        <message>
            <source>&amp;Part number:</source>
            <translation>&amp;Parça numarası:</translation>
        </message>
        <message>
            <source>&amp;VIN:</source>
            <translation>Şasi no (&amp;VIN):</translation>
        </message>
        <message>
            <source>&amp;Registration:</source>
            <translation>P&amp;laka:</translation>
        </message>
        <message>
            <source>&amp;Owner:</source>
            <translation>&amp;Araç sahibi:</translation>
        </message>
        <message>
            <source>&amp;Language of the letter:</source>
            <translation>&amp;Mektubun dili:</translation>
        </message>
        <message>
            <source>&amp;Save as PDF…</source>
            <translation>P&amp;DF olarak kaydet…</translation>
        </message>
        <message>
            <source>&amp;Print…</source>
            <translation>&amp;Yazdır…</translation>
        </message>
    </context>
    <context>
        <name>radiocode::gui::ResultPage</name>
        <message>
            <source>%1 · serial %2</source>
            <translation>%1 · seri numarası %2</translation>
        </message>
        <message>
            <source>Source: %1</source>
            <translation>Kaynak: %1</translation>
        </message>
        <message>
            <source>You can still print the instruction sheet and write the code in its boxes once it is known.</source>
            <translation>Talimat sayfasını yine de yazdırabilir ve kod öğrenildiğinde kutulara yazabilirsiniz.</translation>
        </message>
        <message>
            <source>Step</source>
            <translation>Adım</translation>
        </message>
        <message>
            <source>Button</source>
            <translation>Tuş</translation>
        </message>
        <message>
            <source>Press until the display shows</source>
            <translation>Ekranda şu görünene kadar basın</translation>
        </message>
        <message>
            <source>digit %1 of the code</source>
            <translation>kodun %1. hanesi</translation>
        </message>
        <message>
            <source>Then: %1</source>
            <translation>Ardından: %1</translation>
        </message>
        <message>
            <source>Caution</source>
            <translation>Dikkat</translation>
        </message>
        <message>
            <source>Enter the code on the radio</source>
            <translation>Kodu radyoya girin</translation>
        </message>
        <message>
            <source>Cautions</source>
            <translation>Uyarılar</translation>
        </message>
        <message>
            <source>If the radio refuses the code</source>
            <translation>Radyo kodu kabul etmezse</translation>
        </message>
        <message>
            <source>What to do next</source>
            <translation>Sonraki adımlar</translation>
        </message>
        <message>
            <source>Print pre&amp;view…</source>
            <translation>Baskı ö&amp;nizleme…</translation>
        </message>
        <message>
            <source>&amp;Print…</source>
            <translation>Ya&amp;zdır…</translation>
        </message>
        <message>
            <source>&amp;Save as PDF…</source>
            <translation>PDF olarak &amp;kaydet…</translation>
        </message>
        <message>
            <source>&amp;Job details…</source>
            <translation>&amp;İş emri ayrıntıları…</translation>
        </message>
        <message>
            <source>&amp;New radio</source>
            <translation>Yeni &amp;radyo</translation>
        </message>
        <message>
            <source>Steps to enter the code</source>
            <translation>Kodu girme adımları</translation>
        </message>
        <message>
            <source>%1 · part number %2 (agrees with the serial)</source>
            <translation>%1 · parça numarası %2 (seri numarasıyla uyumlu)</translation>
        </message>
        <message>
            <source>%1 · unchecked serial</source>
            <translation>%1 · denetlenmemiş seri numarası</translation>
        </message>
        <message>
            <source>Digit %1: %2</source>
            <translation>%1. hane: %2</translation>
        </message>
        <message>
            <source>Station button %1</source>
            <translation>İstasyon tuşu %1</translation>
        </message>
        <message>
            <source>The code database is empty: no dealer code list has been imported yet, so no Blaupunkt or Becker code can be found.</source>
            <translation>Kod veritabanı boş: henüz hiçbir bayi kod listesi içe aktarılmadı, bu yüzden hiçbir Blaupunkt veya Becker kodu bulunamaz.</translation>
        </message>
        <message>
            <source>Import codes…</source>
            <translation>Kodları içe aktar…</translation>
        </message>
        <message>
            <source>Both readings were looked up. Which does the label show as the 7th character? Only that reading is then looked up, and the job and the sheet say which it is.</source>
            <translation>İki okuma da arandı. Etiketteki 7. karakter hangisi? Ardından yalnızca o okuma aranır; iş emri ve talimat sayfası hangi okuma olduğunu belirtir.</translation>
        </message>
        <message>
            <source>Which does the label show as the 7th character? The job and the sheet then say which reading it is.</source>
            <translation>Etiketteki 7. karakter hangisi? Ardından iş emri ve talimat sayfası hangi okuma olduğunu belirtir.</translation>
        </message>
    </context>
    <context>
        <name>radiocode::gui::SerialEntryPage</name>
        <message>
            <source>Type the serial – %1</source>
            <translation>Seri numarasını yazın – %1</translation>
        </message>
        <message>
            <source>%1 serial: %2. Type it as printed, paste it or scan the label's barcode; every character is checked as you type.</source>
            <translation>%1 seri numarası: %2. Basıldığı gibi yazın, yapıştırın veya etiketin barkodunu tarayın; siz yazarken her karakter kontrol edilir.</translation>
        </message>
        <message>
            <source>&amp;Serial:</source>
            <translation>&amp;Seri numarası:</translation>
        </message>
        <message>
            <source>%1 serial</source>
            <translation>%1 seri numarası</translation>
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
            <translation>&amp;Kodu bul</translation>
        </message>
        <message>
            <source>Enter</source>
            <translation>Enter</translation>
        </message>
        <message>
            <source>&amp;Where is the serial?</source>
            <translation>Seri numarası &amp;nerede?</translation>
        </message>
        <message>
            <source>well formed: checked against the serial once the serial is complete.</source>
            <translation>biçimi doğru: seri numarası tamamlanınca onunla karşılaştırılır.</translation>
        </message>
        <message>
            <source>Part n&amp;umber (optional):</source>
            <translation>Parça n&amp;umarası (isteğe bağlı):</translation>
        </message>
        <message>
            <source>Blaupunkt part number</source>
            <translation>Blaupunkt parça numarası</translation>
        </message>
        <message>
            <source>Which does the label show as the 7th character? Only that reading is then looked up.</source>
            <translation>Etiketteki 7. karakter hangisi? Ardından yalnızca o okuma aranır.</translation>
        </message>
        <message>
            <source>Look up only %1</source>
            <translation>Yalnızca %1 için ara</translation>
        </message>
        <message>
            <source>Two different codes are on record, one for each reading: which does the label show?</source>
            <translation>İki okuma için iki farklı kod kayıtlı: etiket hangisini gösteriyor?</translation>
        </message>
    </context>
    <context>
        <name>radiocode::gui::StatusLine</name>
        <message>
            <source>Input state</source>
            <translation>Girdi durumu</translation>
        </message>
        <message>
            <source>Information</source>
            <translation>Bilgi</translation>
        </message>
    </context>
    <context>
        <name>radiocode::gui::StatusMessage</name>
        <message>
            <source>&amp;Copy message</source>
            <translation>Mesajı &amp;kopyala</translation>
        </message>
    </context>
    <context>
        <name>radiocode::gui::SuggestionBar</name>
        <message>
            <source>Did you mean one of these?</source>
            <translation>Bunlardan birini mi demek istediniz?</translation>
        </message>
        <message>
            <source>Use %1</source>
            <translation>Kullan: %1</translation>
        </message>
    </context>
    <context>
        <name>radiocode::gui::WebcamDialog</name>
        <message>
            <source>Read the serial with the webcam</source>
            <translation>Seri numarasını web kamerasıyla oku</translation>
        </message>
        <message>
            <source>Hold the label still in front of the camera. A serial read off a picture can be misread: compare it with the label.</source>
            <translation>Etiketi kameranın önünde sabit tutun. Resimden okunan seri numarası yanlış okunmuş olabilir: etiketle karşılaştırın.</translation>
        </message>
        <message>
            <source>Try again</source>
            <translation>Yeniden dene</translation>
        </message>
        <message>
            <source>Use this serial</source>
            <translation>Bu seri numarasını kullan</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Kapat</translation>
        </message>
        <message>
            <source>No webcam found. Connect one and press Try again, or read the serial from a photo.</source>
            <translation>Web kamerası bulunamadı. Bir tane bağlayıp “Yeniden dene” düğmesine basın veya seri numarasını fotoğraftan okuyun.</translation>
        </message>
        <message>
            <source>The webcam was disconnected. Connect it again and press Try again, or read the serial from a photo.</source>
            <translation>Web kamerasının bağlantısı kesildi. Yeniden bağlayıp “Yeniden dene” düğmesine basın veya seri numarasını fotoğraftan okuyun.</translation>
        </message>
        <message>
            <source>The webcam stopped with an error. Press Try again, or read the serial from a photo.</source>
            <translation>Web kamerası bir hatayla durdu. “Yeniden dene” düğmesine basın veya seri numarasını fotoğraftan okuyun.</translation>
        </message>
        <message>
            <source>Read before it stopped: %1.</source>
            <translation>Durmadan önce okunan: %1.</translation>
        </message>
        <message numerus="yes">
            <source>Found %1 (the same in %n frames in a row). Check it against the label, then use it.</source>
            <translation>
                <numerusform>Bulunan: %1 (art arda %n karede aynı). Etiketle karşılaştırın, sonra kullanın.</numerusform>
            </translation>
        </message>
        <message>
            <source>Two different serials in view: show the camera one label only.</source>
            <translation>Görüntüde iki farklı seri numarası var: kameraya yalnızca bir etiket gösterin.</translation>
        </message>
        <message>
            <source>Reading… hold still.</source>
            <translation>Okunuyor… sabit tutun.</translation>
        </message>
        <message>
            <source>Looking for a serial…</source>
            <translation>Seri numarası aranıyor…</translation>
        </message>
        <message>
            <source>&amp;Keep this picture with the job</source>
            <translation>Bu resmi iş emriyle birlikte &amp;sakla</translation>
        </message>
        <message>
            <source>A small copy is saved with the job and printed on the sheet, so a refused code can be checked against the real label</source>
            <translation>Küçük bir kopyası iş emriyle birlikte saklanır ve talimat sayfasına basılır; böylece kod reddedilirse gerçek etiketle karşılaştırılabilir</translation>
        </message>
    </context>
    <context>
        <name>radiocode::gui::WorkshopDialog</name>
        <message>
            <source>Workshop details</source>
            <translation>Servis bilgileri</translation>
        </message>
        <message>
            <source>phone, e-mail</source>
            <translation>telefon, e-posta</translation>
        </message>
        <message>
            <source>never</source>
            <translation>hiçbir zaman</translation>
        </message>
        <message>
            <source> days</source>
            <translation> gün</translation>
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation>&amp;Ad:</translation>
        </message>
        <message>
            <source>&amp;Address:</source>
            <translation>Adr&amp;es:</translation>
        </message>
        <message>
            <source>&amp;Contact:</source>
            <translation>İ&amp;letişim:</translation>
        </message>
        <message>
            <source>&amp;Remind about code requests after:</source>
            <translation>Kod talepleri için şu süre sonra &amp;hatırlat:</translation>
        </message>
        <message>
            <source>The name is printed on every instruction sheet; name, address and contact head every code request.</source>
            <translation>Ad her talimat sayfasına basılır; ad, adres ve iletişim bilgileri her kod talebinin başında yer alır.</translation>
        </message>
    </context>
</TS>
