<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="tr_TR" sourcelanguage="en">
<context>
    <name>Texts</name>
    <message>
        <source>Model No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serial No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in %1, character %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at character %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BP + 12 digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 letter + 3 digits (precode)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BE + 4-digit model + 8-digit serial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>M + 6 digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Public algorithm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incomplete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not supported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid serial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Radio not supported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No code on record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid %1 serial: precode %2 taken from the end of the barcode text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid %1 serial: the 17-character label form was shortened to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid %1 serial.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type, paste or scan the serial from the radio&apos;s label.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Too short: %n more digit(s) needed.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Too short: %n more character(s) needed.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more digit(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more character(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Keep typing: BP… is Blaupunkt, BE… is Becker, a letter and 3 digits is a Renault precode.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could be a Renault precode or the start of a Visteon serial (M + 6 digits): keep typing or choose the radio family.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a serial of a known radio: %1 %2 cannot start one. Blaupunkt serials start with BP, Becker with BE, Visteon with M, Renault precodes with a letter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This radio&apos;s serial starts with %1: %2 %3 does not fit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This looks like a %1 serial, not this family&apos;s: choose %1 instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A letter is needed %1, not %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only digits belong here: %1 %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The letter %1 %2 stands where a digit belongs: labels are easily misread (O and 0, I and 1, S and 5, B and 8).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 is not a Latin letter (another keyboard layout?): serials use Latin letters only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The input holds an invisible control character %1: type the serial again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The input holds an invisible text-direction mark %1: it changes how the serial is displayed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The input is not readable text (bad bytes at byte %1): type the serial again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too long: this serial has %1 characters, %2 were given. Check for an extra character %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The input is far too long (%1 bytes) to be a radio serial: at most %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A000 to A099 are not precodes: check the label again (the precode is the last four characters of the barcode text).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Becker model %1 was not fitted to Nissan vehicles: only BE4739 and BE4757 are covered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Did you mean %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press button %1 until the display shows %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press and hold preset 6, TA or SEEK ▲ for %1–%2 seconds to confirm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press OK or ENTER to confirm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm with the button the vehicle handbook names: it varies on these units.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each wrong code costs an attempt: after %1 wrong entries most units lock for about %2 minutes, and repeated lock-outs can lock the radio for good.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The confirm button varies by model: check the vehicle handbook.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If the display shows WAIT or counts down, leave the radio switched on and wait until it asks for the code again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look for the radio card first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong serial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed radio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory reprogrammed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The owner&apos;s radio card (&quot;Radio Pass&quot;, &quot;Safety-Nr&quot; or PIN) may already hold the code for this serial.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The usual cause: O and 0, I and 1 mixed up, or a missing character. Read the label again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A previous owner may have swapped the radio: a code card or dealer record for the car then belongs to another unit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rarely, the unit&apos;s memory was reprogrammed in a repair: no code or button sequence helps then, the unit needs bench work.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computed with the public Renault precode algorithm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computed with the public Visteon M-serial algorithm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From the code database, imported from %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From the code database, confirmed on a radio by %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No public algorithm exists for %1 radios, and the code database holds no code for this serial.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the serial on the label again, character by character.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the radio maker&apos;s service or a dealer for this unit&apos;s code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look for the owner&apos;s radio card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look for the owner&apos;s radio card (&quot;Radio Pass&quot;, &quot;Safety-Nr&quot; or PIN).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask a Nissan dealer for the code: they need the serial and the vehicle&apos;s VIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Once the code is known and has worked, record it in the code database.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>radiocode::cli</name>
    <message>
        <source>List the radio families</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
