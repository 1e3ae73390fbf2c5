<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en">
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
            <source>BP + 12 digits</source>
            <translation>BP + 12 digits</translation>
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
            <source>Valid %1 serial: precode %2 taken from the end of the barcode text.</source>
            <translation>Valid %1 serial: precode %2 taken from the end of the barcode text.</translation>
        </message>
        <message>
            <source>Valid %1 serial: the 17-character label form was shortened to %2.</source>
            <translation>Valid %1 serial: the 17-character label form was shortened to %2.</translation>
        </message>
        <message>
            <source>Valid %1 serial.</source>
            <translation>Valid %1 serial.</translation>
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
            <source>Press button %1 until the display shows %2.</source>
            <translation>Press button %1 until the display shows %2.</translation>
        </message>
        <message>
            <source>Press and hold preset 6, TA or SEEK ▲ for %1–%2 seconds to confirm.</source>
            <translation>Press and hold preset 6, TA or SEEK ▲ for %1–%2 seconds to confirm.</translation>
        </message>
        <message>
            <source>Press OK or ENTER to confirm.</source>
            <translation>Press OK or ENTER to confirm.</translation>
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
    </context>
    <context>
        <name>radiocode::cli</name>
        <message>
            <source>List the radio families</source>
            <translation>List the radio families</translation>
        </message>
    </context>
</TS>
