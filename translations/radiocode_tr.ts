<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="tr_TR" sourcelanguage="en">
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
            <source>Line %1 must name the columns: a code list needs the columns “serial” and “code” (found: %2).</source>
            <translation>Satır %1 sütunları adlandırmalıdır: bir kod listesi “serial” ve “code” sütunlarını gerektirir (bulunan: %2).</translation>
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
            <translation>%1 bir %2 seri numarasıdır: kodu kayıtlı değildir, herkese açık algoritmayla hesaplanır.</translation>
        </message>
        <message>
            <source>The code “%1” for %2 is not exactly 4 digits.</source>
            <translation>%2 için “%1” kodu tam olarak 4 haneli değil.</translation>
        </message>
        <message>
            <source>Cannot write the export: %1</source>
            <translation>Dışa aktarma dosyası yazılamıyor: %1</translation>
        </message>
        <message>
            <source>Job %1 does not exist.</source>
            <translation>%1 numaralı iş mevcut değil.</translation>
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
            <translation>İş</translation>
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
            <translation>Kod verilemedi: %1 Kod öğrenildiğinde kutulara yazın.</translation>
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
            <source>Press button %1 until the display shows digit %1 of the code.</source>
            <translation>Ekranda kodun %1. hanesi görünene kadar %1 tuşuna basın.</translation>
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
            <translation>Sayfa çizilemedi.</translation>
        </message>
        <message>
            <source>← SERIAL</source>
            <extracomment>Drawing of a Blaupunkt label; the arrow points at the serial. Keep it short.</extracomment>
            <translation>← SERİ NUMARASI</translation>
        </message>
        <message>
            <source>BP + 12 digits</source>
            <extracomment>Drawing of a Blaupunkt label, under "← SERIAL". Keep it short.</extracomment>
            <translation>BP + 12 rakam</translation>
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
            <translation>veya ekranda görmek için
1 + 6 tuşlarını basılı tutun</translation>
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
            <translation>M + 6 rakam. Bazı cihazlar, 1 ve 6 tuşları basılı
tutulurken seri numarasını ekranda gösterir.</translation>
        </message>
    </context>
    <context>
        <name>StorageTexts</name>
        <message>
            <source>Worked</source>
            <translation>Çalıştı</translation>
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
            <source>BP + 12 digits</source>
            <translation>BP + 12 rakam</translation>
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
            <translation>Herkese açık algoritma</translation>
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
            <source>Valid %1 serial: precode %2 taken from the end of the barcode text.</source>
            <translation>Geçerli %1 seri numarası: ön kod %2, barkod metninin sonundan alındı.</translation>
        </message>
        <message>
            <source>Valid %1 serial: the 17-character label form was shortened to %2.</source>
            <translation>Geçerli %1 seri numarası: 17 karakterli etiket biçimi %2 olarak kısaltıldı.</translation>
        </message>
        <message>
            <source>Valid %1 serial.</source>
            <translation>Geçerli %1 seri numarası.</translation>
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
            <translation>Bu, bu ailenin değil, bir %1 seri numarasına benziyor: bunun yerine %1 ailesini seçin.</translation>
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
            <source>Press button %1 until the display shows %2.</source>
            <translation>Ekranda %2 görünene kadar %1 tuşuna basın.</translation>
        </message>
        <message>
            <source>Press and hold preset 6, TA or SEEK ▲ for %1–%2 seconds to confirm.</source>
            <translation>Onaylamak için 6 numaralı istasyon tuşunu, TA veya SEEK ▲ tuşunu %1–%2 saniye basılı tutun.</translation>
        </message>
        <message>
            <source>Press OK or ENTER to confirm.</source>
            <translation>Onaylamak için OK veya ENTER tuşuna basın.</translation>
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
            <translation>Önce radyo kartını arayın</translation>
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
            <translation>Araç sahibinin radyo kartında ("Radio Pass", "Safety-Nr" veya PIN) bu seri numarasının kodu zaten yazılı olabilir.</translation>
        </message>
        <message>
            <source>The usual cause: O and 0, I and 1 mixed up, or a missing character. Read the label again.</source>
            <translation>En sık neden: O ile 0, I ile 1 karıştırılmış ya da bir karakter eksik. Etiketi yeniden okuyun.</translation>
        </message>
        <message>
            <source>A previous owner may have swapped the radio: a code card or dealer record for the car then belongs to another unit.</source>
            <translation>Önceki bir araç sahibi radyoyu değiştirmiş olabilir: bu durumda aracın kod kartı veya bayi kaydı başka bir cihaza aittir.</translation>
        </message>
        <message>
            <source>Rarely, the unit's memory was reprogrammed in a repair: no code or button sequence helps then, the unit needs bench work.</source>
            <translation>Nadiren cihazın belleği bir onarım sırasında yeniden programlanmıştır: bu durumda hiçbir kod veya tuş dizisi işe yaramaz, cihazın tezgâhta onarılması gerekir.</translation>
        </message>
        <message>
            <source>Computed with the public Renault precode algorithm.</source>
            <translation>Herkese açık Renault ön kod (precode) algoritmasıyla hesaplandı.</translation>
        </message>
        <message>
            <source>Computed with the public Visteon M-serial algorithm.</source>
            <translation>Herkese açık Visteon M seri numarası algoritmasıyla hesaplandı.</translation>
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
            <translation>%1 radyoları için herkese açık bir algoritma yok ve kod veritabanında bu seri numarası için kod bulunmuyor.</translation>
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
            <translation>Araç sahibinin radyo kartını arayın.</translation>
        </message>
        <message>
            <source>Look for the owner's radio card ("Radio Pass", "Safety-Nr" or PIN).</source>
            <translation>Araç sahibinin radyo kartını arayın ("Radio Pass", "Safety-Nr" veya PIN).</translation>
        </message>
        <message>
            <source>Ask a Nissan dealer for the code: they need the serial and the vehicle's VIN.</source>
            <translation>Kodu bir Nissan bayisinden isteyin: bayi, seri numarasına ve aracın şasi numarasına (VIN) ihtiyaç duyar.</translation>
        </message>
        <message>
            <source>Once the code is known and has worked, record it in the code database.</source>
            <translation>Kod öğrenilip çalıştığında onu kod veritabanına kaydedin.</translation>
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
            <source>Too short: %1 is only the start of a serial (a Renault precode is a letter and 3 digits, a Visteon serial M and 6 digits, Blaupunkt BP and 12 digits, Becker BE and 12 digits).</source>
            <translation>Çok kısa: %1 yalnızca bir seri numarasının başlangıcı (Renault ön kodu bir harf ve 3 rakam, Visteon seri numarası M ve 6 rakam, Blaupunkt BP ve 12 rakam, Becker BE ve 12 rakamdan oluşur).</translation>
        </message>
        <message>
            <source>No public algorithm exists for %1 radios, and no code database could be consulted (none is set up, or it cannot be reached).</source>
            <translation>%1 radyoları için herkese açık bir algoritma yok ve hiçbir kod veritabanına başvurulamadı (kurulu değil veya erişilemiyor).</translation>
        </message>
        <message>
            <source>The serial starts with BP and has 12 digits; labels often print a space between the groups (BP53876 9672026): type it with or without the space.</source>
            <translation>Seri numarası BP ile başlar ve 12 rakam içerir; etiketlerde gruplar arasında genellikle bir boşluk bulunur (BP53876 9672026): boşluklu veya boşluksuz yazabilirsiniz.</translation>
        </message>
        <message>
            <source>Some labels print 17 characters starting with 815BP or 815CM: type them as printed, the leading 815 is dropped and CM becomes BP.</source>
            <translation>Bazı etiketlerde 815BP veya 815CM ile başlayan 17 karakter bulunur: basıldığı gibi yazın; baştaki 815 atılır ve CM, BP olur.</translation>
        </message>
        <message>
            <source>No public algorithm exists for these radios: the code comes from the code database.</source>
            <translation>Bu radyolar için herkese açık bir algoritma yok: kod, kod veritabanından gelir.</translation>
        </message>
        <message>
            <source>The precode is one letter and three digits (for example T019).</source>
            <translation>Ön kod bir harf ve üç rakamdan oluşur (örneğin T019).</translation>
        </message>
        <message>
            <source>It is printed in small type beside or below a long barcode: the last four characters of the barcode text are the precode. You may type or scan the whole barcode text.</source>
            <translation>Uzun bir barkodun yanında veya altında küçük harflerle basılıdır: barkod metninin son dört karakteri ön koddur. Barkod metninin tamamını yazabilir veya tarayabilirsiniz.</translation>
        </message>
        <message>
            <source>Many units show the precode on the display while buttons 1 and 6 are held together for a few seconds.</source>
            <translation>Birçok cihaz, 1 ve 6 numaralı tuşlar birkaç saniye birlikte basılı tutulduğunda ön kodu ekranda gösterir.</translation>
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
            <translation>Bazı cihazlar, 1 ve 6 numaralı tuşlar basılı tutulduğunda seri numarasını ekranda gösterir.</translation>
        </message>
        <message>
            <source>The code is computed with the public Visteon M-serial algorithm.</source>
            <translation>Kod, herkese açık Visteon M seri numarası algoritmasıyla hesaplanır.</translation>
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
            <translation>%1 radyoları için herkese açık bir algoritma yok ve kod veritabanına erişilemedi (%2): kod kayıtlı olabilir; veritabanı yeniden erişilebilir olduğunda tekrar deneyin.</translation>
        </message>
        <message>
            <source>Try again once the code database is back: check that the database server is running and reachable, or that the database file can be read.</source>
            <translation>Kod veritabanı yeniden erişilebilir olduğunda tekrar deneyin: veritabanı sunucusunun çalıştığını ve erişilebilir olduğunu ya da veritabanı dosyasının okunabildiğini kontrol edin.</translation>
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
            <translation>yalnızca bir girdi dosyası verilebilir ("%1").</translation>
        </message>
        <message>
            <source>unknown option "%1".</source>
            <translation>bilinmeyen seçenek "%1".</translation>
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
            <source>Usage: radiocode db import FILE [--dry-run] [--json]</source>
            <translation>Kullanım: radiocode db import FILE [--dry-run] [--json]</translation>
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
            <translation>Servisin kod veritabanı Blaupunkt ve Becker kodlarını içerir: içe aktarılan bayi listeleri ve teknisyenlerin bir radyoda onayladığı kodlar.</translation>
        </message>
        <message>
            <source>import a CSV list with the columns serial and code (comma or semicolon). All accepted rows or none are saved; a stored code is never overwritten.</source>
            <translation>serial ve code sütunlarını içeren bir CSV listesini içe aktar (virgül veya noktalı virgül). Kabul edilen satırların ya hepsi kaydedilir ya hiçbiri; kayıtlı bir kodun üzerine asla yazılmaz.</translation>
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
            <source>record a code that worked on the radio</source>
            <translation>radyoda çalışan bir kodu kaydet</translation>
        </message>
        <message>
            <source>replace another code stored for the serial</source>
            <translation>seri numarası için kayıtlı başka bir kodu değiştir</translation>
        </message>
        <message>
            <source>write every code as CSV (serial,code,family,source,origin,created_at) to FILE or the standard output; --force overwrites an existing FILE</source>
            <translation>tüm kodları CSV olarak (serial,code,family,source,origin,created_at) FILE dosyasına veya standart çıktıya yaz; --force mevcut bir FILE dosyasının üzerine yazar</translation>
        </message>
        <message>
            <source>show which database is used and what it holds</source>
            <translation>hangi veritabanının kullanıldığını ve neler içerdiğini göster</translation>
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
            <source>the CSV file to import is missing</source>
            <translation>içe aktarılacak CSV dosyası eksik</translation>
        </message>
        <message>
            <source>%1 is a folder, not a CSV file.</source>
            <translation>%1 bir CSV dosyası değil, klasör.</translation>
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
            <source>--technician needs a name</source>
            <translation>--technician bir ad gerektirir</translation>
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
            <translation>%1 bir %2 seri numarasıdır: kodu kayıtlı değildir, herkese açık algoritmayla hesaplanır.</translation>
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
            <source>Usage: radiocode families</source>
            <translation>Kullanım: radiocode families</translation>
        </message>
        <message>
            <source>Lists the radio families: id (for --family), name, serial format, where the code comes from, an example serial.</source>
            <translation>Radyo ailelerini listeler: kimlik (--family için), ad, seri numarası biçimi, kodun kaynağı, örnek bir seri numarası.</translation>
        </message>
        <message>
            <source>unexpected argument "%1".</source>
            <translation>beklenmeyen argüman "%1".</translation>
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
            <source>Usage: radiocode jobs list [FILTERS] [--json]</source>
            <translation>Kullanım: radiocode jobs list [FILTERS] [--json]</translation>
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
            <translation>Filtreler:</translation>
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
            <translation>bu günden itibaren olan işler (YYYY-MM-DD veya bir tarih ve saat)</translation>
        </message>
        <message>
            <source>jobs before this day</source>
            <translation>bu günden önceki işler</translation>
        </message>
        <message>
            <source>technician, customer, registration, VIN, serial or code contains TEXT</source>
            <translation>teknisyen, müşteri, plaka, şasi numarası (VIN), seri numarası veya kod TEXT içeriyor</translation>
        </message>
        <message>
            <source>the newest N jobs only</source>
            <translation>yalnızca en yeni N iş</translation>
        </message>
        <message>
            <source>attempts tells how often a code was refused for SERIAL since it last worked, and what to do before the next try.</source>
            <translation>attempts, SERIAL için son çalıştığından beri bir kodun kaç kez reddedildiğini ve sonraki denemeden önce ne yapılması gerektiğini söyler.</translation>
        </message>
        <message>
            <source>Exit status: 0 done, 2 invalid arguments, 3 the database could not be used.</source>
            <translation>Çıkış durumu: 0 tamamlandı, 2 geçersiz argümanlar, 3 veritabanı kullanılamadı.</translation>
        </message>
        <message>
            <source>--outcome needs a value</source>
            <translation>--outcome bir değer gerektirir</translation>
        </message>
        <message>
            <source>unknown outcome “%1”: use worked, refused or not-tried</source>
            <translation>bilinmeyen sonuç “%1”: worked, refused veya not-tried kullanın</translation>
        </message>
        <message>
            <source>%1 needs a date</source>
            <translation>%1 bir tarih gerektirir</translation>
        </message>
        <message>
            <source>“%1” is not a date: write it as YYYY-MM-DD, e.g. %2</source>
            <translation>“%1” bir tarih değil: YYYY-MM-DD biçiminde yazın, örn. %2</translation>
        </message>
        <message>
            <source>--search needs a text</source>
            <translation>--search bir metin gerektirir</translation>
        </message>
        <message>
            <source>--limit needs a positive number</source>
            <translation>--limit pozitif bir sayı gerektirir</translation>
        </message>
        <message>
            <source>No jobs match.</source>
            <translation>Eşleşen iş yok.</translation>
        </message>
        <message numerus="yes">
            <source>%n attempt(s)</source>
            <translation>
                <numerusform>%n deneme</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 needs a value</source>
            <translation>%1 bir değer gerektirir</translation>
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
            <translation>İş #%1 kaydedildi.</translation>
        </message>
        <message>
            <source>No refused code is recorded for %1 since it last worked.</source>
            <translation>%1 için, son çalıştığından beri reddedilen bir kod kaydı yok.</translation>
        </message>
        <message>
            <source>Usage: radiocode lookup SERIAL [--family F] [--json]</source>
            <translation>Kullanım: radiocode lookup SERIAL [--family F] [--json]</translation>
        </message>
        <message>
            <source>Finds the code for one radio serial and says how to enter it, or what is wrong with the serial. SERIAL may be given in parts as the label prints them (BP53876 9672026); put "--" before a serial that starts with a dash.</source>
            <translation>Bir radyo seri numarasının kodunu bulur ve nasıl girileceğini ya da seri numarasında neyin yanlış olduğunu söyler. SERIAL, etikette basıldığı gibi parçalar hâlinde verilebilir (BP53876 9672026); tire ile başlayan bir seri numarasının önüne "--" koyun.</translation>
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
            <translation>Kod veritabanına kod içe aktar, ekle ve dışa aktar</translation>
        </message>
        <message>
            <source>List and export the job log</source>
            <translation>İş kaydını listele ve dışa aktar</translation>
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
            <translation>Çıkış durumu: 0 bir kod gösterildi (veya iş tamamlandı), 1 seri numarası doğru ancak kod verilemiyor, 2 geçersiz girdi veya argümanlar, 3 iş tamamlanamadı.</translation>
        </message>
        <message>
            <source>radiocode: %1 needs a value.</source>
            <translation>radiocode: %1 bir değer gerektirir.</translation>
        </message>
        <message>
            <source>radiocode: unknown language "%1": use one of %2.</source>
            <translation>radiocode: bilinmeyen dil "%1": şunlardan birini kullanın: %2.</translation>
        </message>
        <message>
            <source>radiocode: --family needs a value.</source>
            <translation>radiocode: --family bir değer gerektirir.</translation>
        </message>
        <message>
            <source>radiocode: unknown radio family "%1": use one of %2.</source>
            <translation>radiocode: bilinmeyen radyo ailesi "%1": şunlardan birini kullanın: %2.</translation>
        </message>
        <message>
            <source>Try "radiocode %1 --help".</source>
            <translation>"radiocode %1 --help" komutunu deneyin.</translation>
        </message>
        <message>
            <source>radiocode: unknown command "%1".</source>
            <translation>radiocode: bilinmeyen komut "%1".</translation>
        </message>
        <message>
            <source>Try "radiocode --help".</source>
            <translation>"radiocode --help" komutunu deneyin.</translation>
        </message>
        <message>
            <source>Usage: radiocode sheet SERIAL [--family F] --out FILE.pdf [--customer NAME] [--vehicle REGISTRATION] [--vin VIN] [--technician NAME] [--notes TEXT] [--workshop NAME] [--paper a4|letter]</source>
            <translation>Kullanım: radiocode sheet SERIAL [--family F] --out FILE.pdf [--customer NAME] [--vehicle REGISTRATION] [--vin VIN] [--technician NAME] [--notes TEXT] [--workshop NAME] [--paper a4|letter]</translation>
        </message>
        <message>
            <source>Writes the printable instruction sheet for one radio: the code in four boxes, how to key it in, the cautions and what to do when the radio refuses it. Without a code the boxes are left empty to fill in by hand. Needs no display.</source>
            <translation>Bir radyo için yazdırılabilir talimat sayfasını yazar: dört kutuda kod, kodun nasıl tuşlanacağı, uyarılar ve radyo kodu kabul etmezse yapılacaklar. Kod yoksa kutular elle doldurulmak üzere boş bırakılır. Ekran gerektirmez.</translation>
        </message>
        <message>
            <source>read the serial as this family's</source>
            <translation>seri numarasını bu ailenin seri numarası olarak oku</translation>
        </message>
        <message>
            <source>where to write the PDF (required)</source>
            <translation>PDF'in yazılacağı yer (zorunlu)</translation>
        </message>
        <message>
            <source>the customer, printed on the sheet</source>
            <translation>müşteri, sayfaya basılır</translation>
        </message>
        <message>
            <source>the vehicle's registration</source>
            <translation>aracın plakası</translation>
        </message>
        <message>
            <source>the vehicle identification number (17 characters)</source>
            <translation>şasi numarası (VIN) (17 karakter)</translation>
        </message>
        <message>
            <source>who does the job</source>
            <translation>işi yapan kişi</translation>
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
            <source>Exit status: 0 the sheet was written with a code, 1 it was written without one (not-found, unsupported), 2 invalid serial or arguments, 3 the file could not be written.</source>
            <translation>Çıkış durumu: 0 sayfa kodla yazıldı, 1 kodsuz yazıldı (not-found, unsupported), 2 geçersiz seri numarası veya argümanlar, 3 dosya yazılamadı.</translation>
        </message>
        <message>
            <source>radiocode sheet: the sheet cannot be drawn without fonts.</source>
            <translation>radiocode sheet: yazı tipleri olmadan sayfa çizilemez.</translation>
        </message>
        <message>
            <source>unknown option %1.</source>
            <translation>bilinmeyen seçenek %1.</translation>
        </message>
        <message>
            <source>%1 needs a value.</source>
            <translation>%1 bir değer gerektirir.</translation>
        </message>
        <message>
            <source>unknown paper size "%1": use a4 or letter.</source>
            <translation>bilinmeyen kâğıt boyutu "%1": a4 veya letter kullanın.</translation>
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
            <translation>%1 için sayfa %2 dosyasına yazıldı.</translation>
        </message>
        <message>
            <source>Sheet for %1 written to %2 with empty code boxes: %3</source>
            <translation>%1 için sayfa %2 dosyasına kod kutuları boş olarak yazıldı: %3</translation>
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
            <source>Usage: radiocode batch [FILE|-] [--family F]</source>
            <translation>Kullanım: radiocode batch [FILE|-] [--family F]</translation>
        </message>
        <message>
            <source>Reads one serial per line from FILE (or standard input, also for "-") and writes one CSV row per line to standard output, with the header:</source>
            <translation>FILE dosyasından (veya standart girdiden, "-" için de) her satırda bir seri numarası okur ve her satır için standart çıktıya bir CSV satırı yazar; başlık satırı:</translation>
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
            <translation>Çıkış durumu: 0 kod bulundu, 1 seri numarası doğru ama kod verilemiyor (not-found, unsupported), 2 seri numarası geçersiz, 3 kod veritabanına erişilemedi.</translation>
        </message>
        <message>
            <source>  status   ok, invalid, unsupported, not-found, or unreachable (the code database could not be asked: the code may be on record)</source>
            <translation>  status   ok, invalid, unsupported, not-found veya unreachable (kod veritabanına sorulamadı: kod kayıtlı olabilir)</translation>
        </message>
        <message>
            <source>Cannot write the export: %1</source>
            <translation>Dışa aktarım yazılamıyor: %1</translation>
        </message>
        <message>
            <source>radiocode: the output could not be written (is the disk full?).</source>
            <translation>radiocode: çıktı yazılamadı (disk dolu mu?).</translation>
        </message>
    </context>
    <context>
        <name>radiocode::gui::DatabaseIntegration</name>
        <message>
            <source>Record the code that worked</source>
            <translation>Çalışan kodu kaydet</translation>
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
            <source>This code &amp;worked</source>
            <translation>Bu kod &amp;çalıştı</translation>
        </message>
        <message>
            <source>Save the job as done; a database code is marked as confirmed by you.</source>
            <translation>İşi tamamlandı olarak kaydet; veritabanından gelen bir kod sizin tarafınızdan onaylanmış olarak işaretlenir.</translation>
        </message>
        <message>
            <source>Count a wrong attempt for this radio and show what to do next.</source>
            <translation>Bu radyo için yanlış bir deneme say ve sonraki adımları göster.</translation>
        </message>
        <message>
            <source>Keep this lookup in the job log.</source>
            <translation>Bu sorguyu iş kaydında sakla.</translation>
        </message>
        <message>
            <source>&amp;Record the code that worked…</source>
            <translation>&amp;Çalışan kodu kaydet…</translation>
        </message>
        <message>
            <source>The code came from the radio card or the dealer and the radio accepted it: keep it in the code database.</source>
            <translation>Kod radyo kartından veya bayiden alındı ve radyo kodu kabul etti: kodu kod veritabanında saklayın.</translation>
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
            <translation>Daha önce kodlar reddedildi</translation>
        </message>
        <message>
            <source>Job log</source>
            <translation>İş kaydı</translation>
        </message>
        <message>
            <source>This code worked</source>
            <translation>Bu kod çalıştı</translation>
        </message>
        <message>
            <source>Your name, to mark the code as confirmed (leave empty to only save the job):</source>
            <translation>Kodu onaylanmış olarak işaretlemek için adınız (yalnızca işi kaydetmek için boş bırakın):</translation>
        </message>
        <message>
            <source>Code refused</source>
            <translation>Kod reddedildi</translation>
        </message>
        <message>
            <source>“%1” is not a code: a code is exactly 4 digits.</source>
            <translation>“%1” bir kod değil: kod tam olarak 4 rakamdan oluşur.</translation>
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
            <source>Code &amp;refused</source>
            <translation>Kod r&amp;eddedildi</translation>
        </message>
        <message>
            <source>Save j&amp;ob</source>
            <translation>İ&amp;şi kaydet</translation>
        </message>
        <message>
            <source>Opening the code database…</source>
            <translation>Kod veritabanı açılıyor…</translation>
        </message>
    </context>
    <context>
        <name>radiocode::gui::DatabaseSession</name>
        <message>
            <source>The code database cannot be opened.</source>
            <translation>Kod veritabanı açılamıyor.</translation>
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
            <translation>Not: %1 ortam değişkeni ayarlı olduğundan bu program, burada ne kaydedilirse kaydedilsin %2 kullanır.</translation>
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
            <translation>1–4 numaralı istasyon tuşları dört haneyi ayarlar: ilk hane görünene kadar 1'e, ikinci hane için 2'ye, üçüncü için 3'e ve dördüncü için 4'e basın. Ardından sonuç sayfasında belirtilen tuşla onaylayın.</translation>
        </message>
        <message>
            <source>Keyboard</source>
            <translation>Klavye</translation>
        </message>
        <message>
            <source>Go on: choose the focused card, look the serial up, next step</source>
            <translation>İlerle: odaklanılan kartı seç, seri numarasını sorgula, sonraki adım</translation>
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
            <source>Quick lookup field</source>
            <translation>Hızlı arama alanı</translation>
        </message>
        <message>
            <source>New radio</source>
            <translation>Yeni radyo</translation>
        </message>
        <message>
            <source>Print the instruction sheet</source>
            <translation>Talimat sayfasını yazdır</translation>
        </message>
        <message>
            <source>Save the instruction sheet as PDF</source>
            <translation>Talimat sayfasını PDF olarak kaydet</translation>
        </message>
        <message>
            <source>Zoom the label drawing</source>
            <translation>Etiket çizimini yakınlaştır</translation>
        </message>
        <message>
            <source>This help</source>
            <translation>Bu yardım</translation>
        </message>
    </context>
    <context>
        <name>radiocode::gui::HistoryWindow</name>
        <message>
            <source>Job history</source>
            <translation>İş geçmişi</translation>
        </message>
        <message>
            <source>Serial, code, customer, registration, VIN or technician</source>
            <translation>Seri numarası, kod, müşteri, plaka, şasi numarası (VIN) veya teknisyen</translation>
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
            <translation>Sayfayı yeniden ya&amp;zdır…</translation>
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
                <numerusform>%n iş</numerusform>
            </translation>
        </message>
        <message>
            <source>Cannot write %1: %2</source>
            <translation>Yazılamıyor: %1: %2</translation>
        </message>
        <message>
            <source>Export jobs</source>
            <translation>İşleri dışa aktar</translation>
        </message>
        <message>
            <source>CSV files (*.csv)</source>
            <translation>CSV dosyaları (*.csv)</translation>
        </message>
        <message numerus="yes">
            <source>%n job(s) exported to %1.</source>
            <translation>
                <numerusform>%n iş dışa aktarıldı: %1.</numerusform>
            </translation>
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
            <translation>Dosya &amp;seç…</translation>
        </message>
        <message>
            <source>Choose the code list to import. Nothing is saved until you press Import.</source>
            <translation>İçe aktarılacak kod listesini seçin. İçe Aktar'a basana kadar hiçbir şey kaydedilmez.</translation>
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
            <translation>&amp;İçe Aktar</translation>
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
    </context>
    <context>
        <name>radiocode::gui::JobDetailsPage</name>
        <message>
            <source>Optional: 17 characters, never I, O or Q.</source>
            <translation>İsteğe bağlı: 17 karakter, asla I, O veya Q içermez.</translation>
        </message>
        <message>
            <source>Job details</source>
            <translation>İş ayrıntıları</translation>
        </message>
        <message>
            <source>Optional: these go on the instruction sheet. The technician's name is remembered for the next job.</source>
            <translation>İsteğe bağlı: bu bilgiler talimat sayfasına yazılır. Teknisyenin adı sonraki iş için hatırlanır.</translation>
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
            <translation>Sonraki: seri numarasını ya&amp;zın</translation>
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
            <source>Drawing of the %1 label</source>
            <translation>%1 etiketinin çizimi</translation>
        </message>
        <message>
            <source>The serial area is highlighted in orange.</source>
            <translation>Seri numarası alanı turuncu renkle vurgulanmıştır.</translation>
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
        <name>radiocode::gui::MainWindow</name>
        <message>
            <source>About Nissan Radio Code Finder</source>
            <translation>Nissan Radio Code Finder hakkında</translation>
        </message>
        <message>
            <source>&lt;p&gt;&lt;b&gt;Nissan Radio Code Finder %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Finds the unlock code of a Nissan radio (Blaupunkt, Renault, Becker, Visteon) and shows how to enter it.&lt;/p&gt;&lt;p&gt;Codes come only from the public Renault precode and Visteon M-serial algorithms or from the workshop's code database; every result says which.&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;Nissan Radio Code Finder %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Bir Nissan radyosunun (Blaupunkt, Renault, Becker, Visteon) kilit açma kodunu bulur ve nasıl girileceğini gösterir.&lt;/p&gt;&lt;p&gt;Kodlar yalnızca herkese açık Renault ön kod (precode) ve Visteon M seri numarası algoritmalarından veya servisin kod veritabanından gelir; her sonuç kaynağını belirtir.&lt;/p&gt;</translation>
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
            <translation>İş ayrıntıları</translation>
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
            <source>The sheet could not be sent to the printer.</source>
            <translation>Sayfa yazıcıya gönderilemedi.</translation>
        </message>
        <message>
            <source>Check the VIN before saving the sheet.</source>
            <translation>Sayfayı kaydetmeden önce şasi numarasını (VIN) kontrol edin.</translation>
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
            <translation>Servisin adı, her sayfanın üst kısmına basılır:</translation>
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
            <translation>&amp;İş ayrıntıları</translation>
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
            <translation>&amp;Sorun giderme ve tuşlar</translation>
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
    </context>
    <context>
        <name>radiocode::gui::MarkedInput</name>
        <message>
            <source>Character %1 is marked</source>
            <translation>%1. karakter işaretli</translation>
        </message>
    </context>
    <context>
        <name>radiocode::gui::ResultPage</name>
        <message>
            <source>%1 · serial %2</source>
            <translation>%1 · seri numarası %2</translation>
        </message>
        <message>
            <source>Code</source>
            <translation>Kod</translation>
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
            <source>Button %1</source>
            <translation>%1 tuşu</translation>
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
            <translation>&amp;İş ayrıntıları…</translation>
        </message>
        <message>
            <source>&amp;New radio</source>
            <translation>Yeni &amp;radyo</translation>
        </message>
        <message>
            <source>Steps to enter the code</source>
            <translation>Kodu girme adımları</translation>
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
    </context>
    <context>
        <name>radiocode::gui::StatusLine</name>
        <message>
            <source>Input state</source>
            <translation>Girdi durumu</translation>
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
</TS>
