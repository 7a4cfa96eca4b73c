//! The word tables: months, weekdays, units, number words, hedges and the other words the date
//! forms are made of, in English, French, Spanish, German, Portuguese, Italian and Dutch, with the
//! month names, units and day words of the other languages news pages print most: Polish, Czech,
//! Slovak, Romanian, Turkish, Indonesian/Malay, Swedish, Danish, Norwegian, Finnish, Hungarian
//! (months), Lithuanian, Latvian, Estonian, Slovenian, Tagalog, Russian, Ukrainian, Serbian and
//! Bulgarian, Greek, Arabic (with the Lunar Hijri months), Bengali and the other Indic scripts,
//! Basque, Irish, Maltese, Welsh, Belarusian, Sinhala, Burmese, Khmer, Hausa, Afaan Oromo, Swahili,
//! Yoruba and Amharic. Words arrive folded by the lexer (lowercase, accents removed: "März" ->
//! "marz", "Března" -> "brezna"; Cyrillic, Greek and Arabic keep their script: "марта", "μαρτιου").
//! Owns vocabulary only; grammar is in `relative` and `absolute`.

/// A counted unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Year,
}

impl Unit {
    /// Exact length in seconds (months and years are calendar units: None).
    pub fn seconds(self) -> Option<i64> {
        match self {
            Unit::Second => Some(1),
            Unit::Minute => Some(60),
            Unit::Hour => Some(3600),
            Unit::Day => Some(86_400),
            Unit::Week => Some(604_800),
            Unit::Month | Unit::Year => None,
        }
    }
}

/// Month number for a full or abbreviated month name. "ago" (Spanish August), "set" and "out"
/// (Portuguese) are left out: they are common words and only count after a day number
/// (see `month_after_day`).
pub(crate) fn month(w: &str) -> Option<u8> {
    Some(match w {
        "january" | "jan" | "janvier" | "janv" | "enero" | "ene" | "januar" | "janner"
        | "janeiro" | "jän" | "gennaio" | "gen" | "januari" => 1,
        "february" | "feb" | "febr" | "fevrier" | "fevr" | "fev" | "febrero" | "februar"
        | "fevereiro" | "febbraio" | "februari" => 2,
        "march" | "mar" | "mars" | "marzo" | "marz" | "mrz" | "marco" | "maart" => 3,
        "april" | "apr" | "avril" | "avr" | "abril" | "abr" | "aprile" => 4,
        "may" | "mai" | "mayo" | "maio" | "maggio" | "mag" | "mei" => 5,
        "june" | "jun" | "juin" | "junio" | "juni" | "junho" | "giugno" | "giu" => 6,
        "july" | "jul" | "juillet" | "juil" | "julio" | "juli" | "julho" | "luglio" | "lug" => 7,
        "august" | "aug" | "aout" | "agosto" | "augustus" => 8,
        "september" | "sep" | "sept" | "septembre" | "septiembre" | "setiembre" | "setembro"
        | "settembre" | "sett" => 9,
        "october" | "oct" | "octobre" | "octubre" | "oktober" | "okt" | "outubro" | "ottobre"
        | "ott" => 10,
        "november" | "nov" | "novembre" | "noviembre" | "novembro" => 11,
        "december" | "dec" | "decembre" | "diciembre" | "dic" | "dezember" | "dez" | "dezembro"
        | "dicembre" => 12,
        _ => return other_month(w),
    })
}

/// Month names beyond the six first languages, genitive forms included ("3 marca", "3 марта",
/// "3 Μαρτίου"): Dutch, Scandinavian, Finnish, Hungarian, Polish, Czech, Slovak, Romanian,
/// Turkish, Indonesian/Malay, Russian, Ukrainian, Bulgarian, Greek and Arabic.
fn other_month(w: &str) -> Option<u8> {
    // Latin-script words and words of other scripts are looked up apart: most words on a line
    // are ASCII and never need the second table.
    if !w.is_ascii() {
        return other_month_script(w);
    }
    Some(match w {
        "tammikuuta" | "tammikuu" | "januar" | "styczen" | "stycznia" | "leden" | "ledna"
        | "januara" | "ianuarie" | "ocak" => 1,
        "helmikuuta" | "helmikuu" | "februar" | "luty" | "lutego" | "unor" | "unora"
        | "februara" | "februarie" | "subat" => 2,
        "maaliskuuta" | "maaliskuu" | "marts" | "marcius" | "marc" | "marzec" | "brezen"
        | "brezna" | "martie" | "mart" | "maret" | "mrt" => 3,
        "huhtikuuta" | "huhtikuu" | "aprilis" | "kwiecien" | "kwietnia" | "duben" | "dubna"
        | "aprila" | "aprilie" | "nisan" => 4,
        "toukokuuta" | "toukokuu" | "maj" | "majus" | "kveten" | "kvetna" | "mayis" => 5,
        "kesakuuta" | "kesakuu" | "junius" | "czerwiec" | "czerwca" | "cerven" | "cervna"
        | "juna" | "iunie" | "haziran" => 6,
        "heinakuuta" | "heinakuu" | "julius" | "lipiec" | "lipca" | "cervenec" | "cervence"
        | "jula" | "iulie" | "temmuz" | "julai" => 7,
        "elokuuta" | "elokuu" | "augusti" | "augusztus" | "sierpien" | "sierpnia" | "srpen"
        | "srpna" | "augusta" | "agustos" | "agustus" | "ogos" => 8,
        "syyskuuta" | "syyskuu" | "szeptember" | "szept" | "wrzesien" | "wrzesnia" | "zari"
        | "septembra" | "septembrie" | "eylul" => 9,
        "lokakuuta" | "lokakuu" | "oktobra" | "pazdziernik" | "pazdziernika" | "rijen"
        | "rijna" | "octombrie" | "ekim" => 10,
        "marraskuuta" | "marraskuu" | "listopad" | "listopada" | "listopadu" | "novembra"
        | "noiembrie" | "kasim" | "nopember" => 11,
        "joulukuuta" | "joulukuu" | "desember" | "grudzien" | "grudnia" | "prosinec"
        | "prosince" | "decembra" | "decembrie" | "aralik" | "disember" => 12,
        // Croatian, Bosnian and Serbian (Latin script); the Croatian October, "listopad", is the
        // Polish and Czech November and stays theirs.
        "sijecanj" | "sijecnja" => 1,
        "veljaca" | "veljace" => 2,
        "ozujak" | "ozujka" => 3,
        "travanj" | "travnja" => 4,
        "svibanj" | "svibnja" => 5,
        "lipanj" | "lipnja" => 6,
        "srpanj" | "srpnja" => 7,
        "kolovoz" | "kolovoza" | "avgust" | "avgusta" => 8,
        "rujan" | "rujna" | "septembar" => 9,
        "oktobar" => 10,
        "studeni" | "studenoga" | "studenog" | "novembar" => 11,
        "prosinac" | "prosinca" | "decembar" => 12,
        // Catalan and Galician.
        "gener" | "xaneiro" => 1,
        "febrer" | "febreiro" => 2,
        "maig" => 5,
        "juny" | "xuno" => 6,
        "juliol" | "xullo" => 7,
        "agost" => 8,
        "desembre" | "decembro" => 12,
        // Tagalog and Swahili ("Nobyembre 25, 2026", "Novemba 25, 2026"), the names the others
        // do not share.
        // Albanian, Azerbaijani and Uzbek (Latin), Afrikaans.
        "janar" | "yanvar" | "januarie" => 1,
        "shkurt" | "fevral" => 2,
        "prill" | "aprel" => 4,
        "qershor" | "iyun" | "junie" => 6,
        "korrik" | "iyul" => 7,
        "gusht" | "avqust" => 8,
        "shtator" | "sentyabr" | "sentabr" => 9,
        "tetor" | "oktyabr" | "oktabr" => 10,
        "nentor" | "noyabr" => 11,
        "dhjetor" | "dekabr" => 12,
        // Welsh.
        "ionawr" => 1,
        "chwefror" => 2,
        "mawrth" => 3,
        "ebrill" => 4,
        "mehefin" => 6,
        "gorffennaf" => 7,
        "awst" => 8,
        "medi" => 9,
        "hydref" => 10,
        "tachwedd" => 11,
        "rhagfyr" => 12,
        "pebrero" => 2,
        "marso" | "machi" => 3,
        "hunyo" => 6,
        "hulyo" => 7,
        "agosti" => 8,
        "setyembre" | "septemba" => 9,
        "oktubre" | "oktoba" => 10,
        "nobyembre" | "novemba" => 11,
        "disyembre" | "desemba" => 12,
        // Lithuanian, genitive first ("2026 m. lapkričio 26 d."), then nominative and
        // accusative ("2025 m. kovą", in March 2025).
        "sausio" | "sausis" | "sausi" => 1,
        "vasario" | "vasaris" | "vasari" => 2,
        "kovo" | "kovas" | "kova" => 3,
        "balandzio" | "balandis" | "balandi" => 4,
        "geguzes" | "geguze" => 5,
        "birzelio" | "birzelis" | "birzeli" => 6,
        "liepos" | "liepa" => 7,
        "rugpjucio" | "rugpjutis" | "rugpjuti" => 8,
        "rugsejo" | "rugsejis" | "rugseji" => 9,
        "spalio" | "spalis" | "spali" => 10,
        "lapkricio" | "lapkritis" | "lapkriti" => 11,
        "gruodzio" | "gruodis" | "gruodi" => 12,
        // Latvian, locative first ("2026. gada 25. novembrī"), then nominative; the locatives
        // of March and May ("martā", "maijā") are names and count only after a day.
        "janvari" | "janvaris" => 1,
        "februaris" => 2,
        "aprili" => 4,
        "maijs" => 5,
        "junija" | "junijs" => 6,
        "julija" | "julijs" => 7,
        "augusts" => 8,
        "septembri" | "septembris" => 9,
        "oktobri" | "oktobris" => 10,
        "novembri" | "novembris" => 11,
        "decembri" | "decembris" => 12,
        // Estonian, nominative and adessive ("25. novembril 2026"; "mail" is left out).
        "jaanuar" | "jaanuaril" => 1,
        "veebruar" | "veebruaril" => 2,
        "martsil" => 3,
        "aprill" | "aprillil" => 4,
        "juuni" | "juunil" => 6,
        "juuli" | "juulil" => 7,
        "augustil" => 8,
        "septembril" => 9,
        "oktoober" | "oktoobril" => 10,
        "novembril" => 11,
        "detsember" | "detsembril" => 12,
        // Slovenian genitives ("25. januarja 2026") and the months the others do not share.
        "januarja" => 1,
        "februarja" => 2,
        "marec" => 3,
        "junij" => 6,
        "julij" => 7,
        // Basque, absolutive and genitive ("2025eko martxoaren 3a").
        "urtarrila" | "urtarrilaren" => 1,
        "otsaila" | "otsailaren" => 2,
        "martxoa" | "martxoaren" => 3,
        "apirila" | "apirilaren" => 4,
        "maiatza" | "maiatzaren" => 5,
        "ekaina" | "ekainaren" => 6,
        "uztaila" | "uztailaren" => 7,
        "abuztua" | "abuztuaren" => 8,
        "iraila" | "irailaren" => 9,
        "urria" | "urriaren" => 10,
        "azaroa" | "azaroaren" => 11,
        "abendua" | "abenduaren" => 12,
        // Irish (September and October are two words, see `month_pair`).
        "eanair" => 1,
        "feabhra" => 2,
        "aibrean" => 4,
        "bealtaine" => 5,
        "meitheamh" => 6,
        "iuil" => 7,
        "lunasa" => 8,
        "samhain" => 11,
        "nollaig" => 12,
        // Maltese.
        "jannar" => 1,
        "frar" => 2,
        "marzu" => 3,
        "mejju" => 5,
        "gunju" => 6,
        "lulju" => 7,
        "awwissu" => 8,
        "settembru" => 9,
        "ottubru" => 10,
        "novembru" => 11,
        "dicembru" => 12,
        // Hausa.
        "janairu" => 1,
        "fabrairu" => 2,
        "maris" => 3,
        "afrilu" => 4,
        "mayu" => 5,
        "yuni" => 6,
        "yuli" => 7,
        "agusta" => 8,
        "satumba" => 9,
        "nuwamba" => 11,
        "disamba" => 12,
        // Afaan Oromo.
        "amajjii" => 1,
        "guraandhala" => 2,
        "bitootessa" => 3,
        "eebila" | "ebila" => 4,
        "caamsaa" => 5,
        "waxabajjii" => 6,
        "adoolessa" => 7,
        "hagayya" => 8,
        "fulbaana" => 9,
        "onkoloolessa" => 10,
        "sadaasa" => 11,
        "muddee" => 12,
        _ => return None,
    })
}

/// Month names written in Cyrillic, Greek, Arabic, Persian, Urdu, Hebrew, Devanagari and Thai
/// (folded by the lexer: "марта", "μαρτιου", "מרץ", "मारच", "มีค").
fn other_month_script(w: &str) -> Option<u8> {
    Some(match w {
        "января"
        | "январь"
        | "январе"
        | "янв"
        | "січня"
        | "січень"
        | "януари"
        | "ιανουαριου"
        | "ιανουαριοσ"
        | "ιαν"
        | "يناير"
        | "जनवरी"
        | "ינואר"
        | "בינואר"
        | "جنوری"
        | "ژانویه"
        | "มกราคม"
        | "มค" => 1,
        "февраля"
        | "февраль"
        | "феврале"
        | "фев"
        | "февр"
        | "лютого"
        | "лютий"
        | "февруари"
        | "φεβρουαριου"
        | "φεβρουαριοσ"
        | "φεβ"
        | "فبراير"
        | "شباط"
        | "फरवरी"
        | "פברואר"
        | "בפברואר"
        | "فروری"
        | "فوریه"
        | "กุมภาพันธ"
        | "กพ" => 2,
        "марта" | "март" | "марте" | "мар" | "березня" | "березень" | "μαρτιου" | "μαρτιοσ"
        | "μαρ" | "مارس" | "اذار" | "मारच" | "מרץ" | "במרץ" | "مارچ" | "มีนาคม" | "มีค" => {
            3
        }
        "апреля" | "апрель" | "апреле" | "апр" | "квітня" | "квітень" | "април" | "απριλιου"
        | "απριλιοσ" | "απρ" | "ابريل" | "نيسان" | "अपरैल" | "אפריל" | "באפריל" | "اپریل"
        | "اوریل" | "เมษายน" | "เมย" => 4,
        "мая"
        | "май"
        | "мае"
        | "травня"
        | "травень"
        | "μαιου"
        | "μαιοσ"
        | "μαι"
        | "مايو"
        | "ايار"
        | "मई"
        | "מאי"
        | "במאי"
        | "مئی"
        | "พฤษภาคม"
        | "พค" => 5,
        "июня"
        | "июнь"
        | "июне"
        | "июн"
        | "червня"
        | "червень"
        | "юни"
        | "ιουνιου"
        | "ιουνιοσ"
        | "ιουν"
        | "يونيو"
        | "يونيه"
        | "حزيران"
        | "जून"
        | "יוני"
        | "ביוני"
        | "جون"
        | "ژوئن"
        | "มิถุนายน"
        | "มิย" => 6,
        "июля"
        | "июль"
        | "июле"
        | "июл"
        | "липня"
        | "липень"
        | "юли"
        | "ιουλιου"
        | "ιουλιοσ"
        | "ιουλ"
        | "يوليو"
        | "يوليه"
        | "تموز"
        | "जुलाई"
        | "יולי"
        | "ביולי"
        | "جولائی"
        | "ژوئیه"
        | "กรกฎาคม"
        | "กค" => 7,
        "августа"
        | "август"
        | "августе"
        | "авг"
        | "серпня"
        | "серпень"
        | "αυγουστου"
        | "αυγουστοσ"
        | "αυγ"
        | "اغسطس"
        | "अगसत"
        | "אוגוסט"
        | "באוגוסט"
        | "اگست"
        | "اوت"
        | "สิงหาคม"
        | "สค" => 8,
        "сентября"
        | "сентябрь"
        | "сентябре"
        | "сен"
        | "сент"
        | "вересня"
        | "вересень"
        | "септември"
        | "σεπτεμβριου"
        | "σεπτεμβριοσ"
        | "σεπ"
        | "σεπτ"
        | "سبتمبر"
        | "ايلول"
        | "सितंबर"
        | "सितमबर"
        | "ספטמבר"
        | "בספטמבר"
        | "ستمبر"
        | "سپتامبر"
        | "กันยายน"
        | "กย" => 9,
        "октября" | "октябрь" | "октябре" | "окт" | "жовтня" | "жовтень" | "октомври"
        | "οκτωβριου" | "οκτωβριοσ" | "οκτ" | "اكتوبر" | "अकटूबर" | "अकतूबर" | "אוקטובר"
        | "באוקטובר" | "اکتوبر" | "اکتبر" | "ตุลาคม" | "ตค" => {
            10
        }
        "ноября"
        | "ноябрь"
        | "ноябре"
        | "ноя"
        | "нояб"
        | "листопада"
        | "листопад"
        | "ноември"
        | "νοεμβριου"
        | "νοεμβριοσ"
        | "νοε"
        | "نوفمبر"
        | "नवंबर"
        | "नवमबर"
        | "נובמבר"
        | "בנובמבר"
        | "نومبر"
        | "نوامبر"
        | "พฤศจิกายน"
        | "พย" => 11,
        "декабря"
        | "декабрь"
        | "декабре"
        | "дек"
        | "грудня"
        | "грудень"
        | "декември"
        | "δεκεμβριου"
        | "δεκεμβριοσ"
        | "δεκ"
        | "ديسمبر"
        | "दिसंबर"
        | "दिसमबर"
        | "דצמבר"
        | "בדצמבר"
        | "دسمبر"
        | "دسامبر"
        | "ธันวาคม"
        | "ธค" => 12,
        // Georgian (nominative, and the dative "25 ნოემბერს") and Armenian (nominative, and the
        // genitive "25 նոյեմբերի").
        "იანვარი" | "იანვარს" | "հունվար" | "հունվարի" => {
            1
        }
        "თებერვალი" | "თებერვალს" | "փետրվար" | "փետրվարի" => {
            2
        }
        "მარტი" | "მარტს" | "մարտ" | "մարտի" => 3,
        "აპრილი" | "აპრილს" | "ապրիլ" | "ապրիլի" => 4,
        "მაისი" | "მაისს" | "մայիս" | "մայիսի" => 5,
        "ივნისი" | "ივნისს" | "հունիս" | "հունիսի" => 6,
        "ივლისი" | "ივლისს" | "հուլիս" | "հուլիսի" => 7,
        "აგვისტო" | "აგვისტოს" | "օգոստոս" | "օգոստոսի" => {
            8
        }
        "სექტემბერი" | "სექტემბერს" | "սեպտեմբեր" | "սեպտեմբերի" => {
            9
        }
        "ოქტომბერი" | "ოქტომბერს" | "հոկտեմբեր" | "հոկտեմբերի" => {
            10
        }
        "ნოემბერი" | "ნოემბერს" | "նոյեմբեր" | "նոյեմբերի" => {
            11
        }
        "დეკემბერი" | "დეკემბერს" | "դեկտեմբեր" | "դեկտեմբերի" => {
            12
        }
        // Kazakh.
        "қаңтар" => 1,
        "ақпан" => 2,
        "наурыз" => 3,
        "сәуір" => 4,
        "мамыр" => 5,
        "маусым" => 6,
        "шілде" => 7,
        "тамыз" => 8,
        "қыркүйек" => 9,
        "қазан" => 10,
        "қараша" => 11,
        "желтоқсан" => 12,
        // Serbian in Cyrillic, nominative and genitive (the forms Russian or Bulgarian share,
        // "март", "марта", "април", "август", "августа", are theirs above).
        "јануар" | "јануара" => 1,
        "фебруар" | "фебруара" => 2,
        "априла" => 4,
        "мај" | "маја" => 5,
        "јун" | "јуна" => 6,
        "јул" | "јула" => 7,
        "септембар" | "септембра" => 9,
        "октобар" | "октобра" => 10,
        "новембар" | "новембра" => 11,
        "децембар" | "децембра" => 12,
        // Bengali, folded (no virama: "নভেম্বর" is "নভেমবর").
        "জানুযারি" => 1,
        "ফেবরুযারি" => 2,
        "মারচ" => 3,
        "এপরিল" => 4,
        "মে" => 5,
        "জুন" => 6,
        "জুলাই" => 7,
        "আগসট" => 8,
        "সেপটেমবর" => 9,
        "অকটোবর" => 10,
        "নভেমবর" => 11,
        "ডিসেমবর" => 12,
        // The other Indic scripts, folded the same way; Marathi shares "जून" and "मार्च" with
        // Hindi.
        // Tamil.
        "ஜனவரி" => 1,
        "பிபரவரி" => 2,
        "மாரச" => 3,
        "ஏபரல" => 4,
        "மே" => 5,
        "ஜூன" => 6,
        "ஜூலை" => 7,
        "ஆகஸட" => 8,
        "செபடமபர" => 9,
        "அகடோபர" => 10,
        "நவமபர" => 11,
        "டிசமபர" => 12,
        // Telugu.
        "జనవరి" => 1,
        "ఫిబరవరి" => 2,
        "మారచి" => 3,
        "ఏపరిల" => 4,
        "మే" => 5,
        "జూన" => 6,
        "జూలై" => 7,
        "ఆగసటు" => 8,
        "సెపటెంబర" => 9,
        "అకటోబర" => 10,
        "నవంబర" => 11,
        "డిసెంబర" => 12,
        // Gujarati.
        "જાનયુઆરી" => 1,
        "ફેબરુઆરી" => 2,
        "મારચ" => 3,
        "એપરિલ" => 4,
        "મે" => 5,
        "જૂન" => 6,
        "જુલાઈ" => 7,
        "ઓગસટ" => 8,
        "સપટેમબર" => 9,
        "ઓકટોબર" => 10,
        "નવેમબર" => 11,
        "ડિસેમબર" => 12,
        // Punjabi.
        "ਜਨਵਰੀ" => 1,
        "ਫਰਵਰੀ" => 2,
        "ਮਾਰਚ" => 3,
        "ਮਈ" => 5,
        "ਜੂਨ" => 6,
        "ਜੁਲਾਈ" => 7,
        "ਅਗਸਤ" => 8,
        "ਅਕਤੂਬਰ" => 10,
        "ਨਵੰਬਰ" => 11,
        "ਦਸੰਬਰ" => 12,
        // Marathi.
        "जानेवारी" => 1,
        "फेबरुवारी" => 2,
        "एपरिल" => 4,
        "मे" => 5,
        "जुलै" => 7,
        "सपटेंबर" => 9,
        "ऑकटोबर" => 10,
        "नोवहेंबर" => 11,
        "डिसेंबर" => 12,
        // Kannada.
        "ಜನವರಿ" => 1,
        "ಫೆಬರವರಿ" => 2,
        "ಮಾರಚ" => 3,
        "ಏಪರಿಲ" => 4,
        "ಮೇ" => 5,
        "ಜೂನ" => 6,
        "ಆಗಸಟ" => 8,
        "ಸೆಪಟೆಂಬರ" => 9,
        "ಅಕಟೋಬರ" => 10,
        "ನವೆಂಬರ" => 11,
        "ಡಿಸೆಂಬರ" => 12,
        // Malayalam.
        "ജനുവരി" => 1,
        "ഫെബരുവരി" => 2,
        "മാർചച" => 3,
        "ഏപരിൽ" => 4,
        "മേയ" => 5,
        "ജൂൺ" => 6,
        "ജൂലൈ" => 7,
        "ഓഗസററ" => 8,
        "സെപററംബർ" => 9,
        "ഒകടോബർ" => 10,
        "നവംബർ" => 11,
        "ഡിസംബർ" => 12,
        "മെയ" => 5,
        // Belarusian, genitive and nominative.
        "студзеня" | "студзень" => 1,
        "лютага" | "люты" => 2,
        "сакавіка" | "сакавік" => 3,
        "красавіка" | "красавік" => 4,
        "чэрвеня" | "чэрвень" => 6,
        "ліпеня" | "ліпень" => 7,
        "жніўня" | "жнівень" => 8,
        "верасня" | "верасень" => 9,
        "кастрычніка" | "кастрычнік" => 10,
        "лістапада" | "лістапад" => 11,
        "снежня" | "снежань" => 12,
        // Sinhala, folded ("මාර්තු" is "මාරතු").
        "ජනවාරි" => 1,
        "පෙබරවාරි" => 2,
        "මාරතු" => 3,
        "අපරේල" => 4,
        "මැයි" => 5,
        "ජූනි" => 6,
        "ජූලි" => 7,
        "අගෝසතු" => 8,
        "සැපතැමබර" => 9,
        "ඔකතෝබර" => 10,
        "නොවැමබර" => 11,
        "දෙසැමබර" => 12,
        // Burmese, folded ("မတ်" is "မတ").
        "ဇနနဝါရီ" => 1,
        "ဖေဖောဝါရီ" => 2,
        "မတ" => 3,
        "ဧပြီ" => 4,
        "မေ" => 5,
        "ဇွန" => 6,
        "ဇူလိုင" => 7,
        "ဩဂုတ" | "သြဂုတ" => 8,
        "စကတငဘာ" => 9,
        "အောကတိုဘာ" => 10,
        "နိုဝငဘာ" => 11,
        "ဒီဇငဘာ" => 12,
        // Khmer, folded, alone or after "ខែ" (month) written together ("ខែមីនា").
        "មករា" => 1,
        "កុមភៈ" => 2,
        "មីនា" => 3,
        "មេសា" => 4,
        "ឧសភា" => 5,
        "មិថុនា" => 6,
        "កកកដា" => 7,
        "សីហា" => 8,
        "កញញា" => 9,
        "តុលា" => 10,
        "វិចឆិកា" => 11,
        "ធនូ" => 12,
        // Amharic names of the Gregorian months.
        "ጃንዋሪ" | "ጃንዩወሪ" | "ጃኑዋሪ" => 1,
        "ፌብሩዋሪ" | "ፌብሩወሪ" => 2,
        "ማርች" => 3,
        "ኤፕሪል" => 4,
        "ሜይ" => 5,
        "ጁን" => 6,
        "ጁላይ" => 7,
        "ኦገስት" | "ኦገስቲ" => 8,
        "ሴፕቴምበር" | "ሰፕቴምበር" => 9,
        "ኦክቶበር" => 10,
        "ኖቬምበር" | "ኖቨምበር" => 11,
        "ዲሴምበር" => 12,
        // Burmese writes "month" after the name ("မတ်လ", March).
        _ if w.starts_with(|c| ('\u{1000}'..='\u{109F}').contains(&c)) && w.ends_with('လ') => {
            return w
                .strip_suffix('လ')
                .filter(|m| !m.is_empty())
                .and_then(other_month_script)
        }
        _ => {
            return w
                .strip_prefix("ខែ")
                .filter(|m| !m.is_empty())
                .and_then(other_month_script)
        }
    })
}

/// A day of the month written as an ordinal word ("first", "third", "premier", "primero").
/// Tens with a hyphen ("twenty-first") are put together in `absolute`.
pub(crate) fn ordinal_word(w: &str) -> Option<u8> {
    // Asked about every word: most are turned away by their first letter.
    if !matches!(
        w.as_bytes().first(),
        Some(b'f' | b's' | b't' | b'e' | b'n' | b'p')
    ) {
        return None;
    }
    Some(match w {
        "first" | "premier" | "primero" | "primeiro" | "primo" => 1,
        "second" => 2,
        "third" => 3,
        "fourth" => 4,
        "fifth" => 5,
        "sixth" => 6,
        "seventh" => 7,
        "eighth" => 8,
        "ninth" => 9,
        "tenth" => 10,
        "eleventh" => 11,
        "twelfth" => 12,
        "thirteenth" => 13,
        "fourteenth" => 14,
        "fifteenth" => 15,
        "sixteenth" => 16,
        "seventeenth" => 17,
        "eighteenth" => 18,
        "nineteenth" => 19,
        "twentieth" => 20,
        "thirtieth" => 30,
        _ => return None,
    })
}

/// Month names that are also common words, accepted only right after a day number.
pub(crate) fn month_after_day(w: &str) -> Option<u8> {
    month(w).or(match w {
        "ian" => Some(1),
        // Polish genitives that are also words: "marca" is a brand in Spanish, "Maja" a name;
        // the Serbian "marta" is a name too.
        "marca" | "marta" => Some(3),
        "maja" | "maija" => Some(5),
        "mac" => Some(3),
        "iun" => Some(6),
        "iul" => Some(7),
        "ago" | "agt" | "agu" | "اب" => Some(8),
        "set" => Some(9),
        "out" => Some(10),
        "noi" => Some(11),
        "des" => Some(12),
        // Turkish and Polish abbreviations ("26 Kas 2026", "4 lis 2025").
        "oca" | "sty" => Some(1),
        "sub" | "lut" => Some(2),
        "nis" | "kwi" => Some(4),
        "haz" | "cze" => Some(6),
        "tem" | "lip" => Some(7),
        "sie" => Some(8),
        "eyl" | "wrz" => Some(9),
        "eki" | "paz" => Some(10),
        "kas" | "lis" => Some(11),
        "ara" | "gru" => Some(12),
        // Ukrainian abbreviations, and the Persian "مه" (May).
        "січ" => Some(1),
        "лют" => Some(2),
        "бер" => Some(3),
        "квіт" => Some(4),
        "трав" | "مه" => Some(5),
        "черв" => Some(6),
        "лип" => Some(7),
        "серп" => Some(8),
        "вер" => Some(9),
        "жовт" => Some(10),
        "лист" => Some(11),
        "груд" => Some(12),
        // Yoruba, after a day ("3 Ẹrẹ̀nà 2025"); the short ones also need a year.
        "sere" => Some(1),
        "erele" => Some(2),
        "erena" => Some(3),
        "igbe" => Some(4),
        "ebibi" => Some(5),
        "okudu" => Some(6),
        "agemo" => Some(7),
        "ogun" => Some(8),
        "owewe" => Some(9),
        "owara" => Some(10),
        "belu" => Some(11),
        "ope" => Some(12),
        // Welsh abbreviations ("3 Maw 2025").
        "ion" => Some(1),
        "chwef" => Some(2),
        "maw" => Some(3),
        "ebr" => Some(4),
        "meh" => Some(6),
        "gorff" => Some(7),
        "hyd" => Some(10),
        "tach" => Some(11),
        "rhag" => Some(12),
        // The short names of CLDR's medium dates (what `Intl.DateTimeFormat` prints) in Czech
        // ("3. bře 2025"), Croatian ("3. ožu. 2025."), Finnish ("3. maalisk. 2025"),
        // Lithuanian, Estonian, Slovenian, Bulgarian, Serbian, Malay and Catalan. "lip", "lis"
        // and "srp" are the Polish July and November and the Czech August; Croatian writes them
        // with dots after day, month and year ("3. lip. 2025.": June), read in `absolute`.
        "led" | "sij" | "tammik" | "saus" | "jaan" | "яну" | "јан" => Some(1),
        "uno" | "velj" | "helmik" | "vas" | "veebr" | "феб" => Some(2),
        "bre" | "ozu" | "maalisk" | "kov" => Some(3),
        "dub" | "tra" | "huhtik" | "bal" => Some(4),
        "kve" | "svi" | "toukok" | "geg" => Some(5),
        "cvn" | "kesak" | "birz" => Some(6),
        "cvc" | "heinak" | "liep" => Some(7),
        "kol" | "elok" | "rugp" | "avg" | "ag" | "srp" => Some(8),
        "zar" | "ruj" | "syysk" | "rugs" | "сеп" => Some(9),
        "rij" | "lokak" | "spal" => Some(10),
        "stu" | "marrask" | "lapkr" | "ное" | "нов" => Some(11),
        "pro" | "jouluk" | "gruod" | "dets" | "dis" | "дец" => Some(12),
        // Kazakh short names (CLDR's "2025 ж. 3 нау."): "там" and "мам" are words elsewhere,
        // so only after a day.
        "қаң" => Some(1),
        "ақп" => Some(2),
        "нау" => Some(3),
        "сәу" => Some(4),
        "мам" => Some(5),
        "мау" => Some(6),
        "шіл" => Some(7),
        "там" => Some(8),
        "қыр" => Some(9),
        "қаз" => Some(10),
        "қар" => Some(11),
        "жел" => Some(12),
        // Tamil short names, folded like the full ones ("3 மார்., 2025" is "மார").
        "ஜன" => Some(1),
        "பிப" => Some(2),
        "மார" => Some(3),
        "ஏப" => Some(4),
        "ஆக" => Some(8),
        "செப" => Some(9),
        "அக" => Some(10),
        "நவ" => Some(11),
        "டிச" => Some(12),
        // Basque short names ("2025(e)ko mar. 3(a)"; "mar" and "mai" are shared above).
        "urt" => Some(1),
        "ots" => Some(2),
        "api" => Some(4),
        "eka" => Some(6),
        "uzt" => Some(7),
        "abu" => Some(8),
        "ira" => Some(9),
        "urr" => Some(10),
        "aza" => Some(11),
        "abe" => Some(12),
        // Georgian and Armenian short names ("3 მარ. 2025", "3 մրտ 2025").
        "იან" | "հնվ" => Some(1),
        "თებ" | "փտվ" => Some(2),
        "მარ" | "մրտ" => Some(3),
        "აპრ" | "ապր" => Some(4),
        "მაი" | "մյս" => Some(5),
        "ივნ" | "հնս" => Some(6),
        "ივლ" | "հլս" => Some(7),
        "აგვ" | "օգս" => Some(8),
        "სექ" | "սեպ" => Some(9),
        "ოქტ" | "հոկ" => Some(10),
        "ნოე" | "նոյ" => Some(11),
        "დეკ" | "դեկ" => Some(12),
        _ => None,
    })
}

/// The months of the Solar Hijri calendar Persian pages date by ("۵ آذر ۱۴۰۵"), folded ("آذر"
/// is "اذر").
pub(crate) fn jalali_month(w: &str) -> Option<u8> {
    Some(match w {
        "فروردین" => 1,
        "اردیبهشت" => 2,
        "خرداد" => 3,
        "تیر" => 4,
        "مرداد" | "امرداد" => 5,
        "شهریور" => 6,
        "مهر" => 7,
        "ابان" => 8,
        "اذر" => 9,
        "دی" => 10,
        "بهمن" => 11,
        "اسفند" => 12,
        _ => return None,
    })
}

/// The Levantine Arabic months written in two words: "تشرين الأول" (October), "تشرين الثاني"
/// (November), "كانون الأول" (December), "كانون الثاني" (January).
pub(crate) fn month_pair(first: &str, second: &str) -> Option<u8> {
    match (first, second) {
        ("تشرين", "الاول") => Some(10),
        ("تشرين", "الثاني") => Some(11),
        ("كانون", "الاول") => Some(12),
        ("كانون", "الثاني") => Some(1),
        // Irish.
        ("mean", "fomhair") => Some(9),
        ("deireadh", "fomhair") => Some(10),
        // Yoruba numbers the months too: "Oṣù Kẹta" (the third month, March).
        ("osu", "kini" | "kinni") => Some(1),
        ("osu", "keji") => Some(2),
        ("osu", "keta") => Some(3),
        ("osu", "kerin") => Some(4),
        ("osu", "karun") => Some(5),
        ("osu", "kefa") => Some(6),
        ("osu", "keje") => Some(7),
        ("osu", "kejo") => Some(8),
        ("osu", "kesan") => Some(9),
        ("osu", "kewa") => Some(10),
        ("osu", "kokanla") => Some(11),
        ("osu", "kejila") => Some(12),
        _ => None,
    }
}

/// A month of the Lunar Hijri calendar Arabic pages date by ("5 جمادى الأولى 1447 هـ"), folded,
/// and how many words it takes: one ("رمضان") or two ("ربيع الأول", "ذو الحجة").
pub(crate) fn hijri_month(first: &str, second: &str) -> Option<(u8, usize)> {
    let one = match first {
        "محرم" | "المحرم" => 1,
        "صفر" => 2,
        "رجب" => 7,
        "شعبان" => 8,
        "رمضان" => 9,
        "شوال" => 10,
        _ => 0,
    };
    if one > 0 {
        return Some((one, 1));
    }
    let two = match (first, second) {
        ("ربيع", "الاول") => 3,
        ("ربيع", "الاخر" | "الثاني") => 4,
        ("جمادى" | "جمادي", "الاولى" | "الاول") => 5,
        ("جمادى" | "جمادي", "الاخرة" | "الاخر" | "الثانية" | "الثاني") => {
            6
        }
        ("ذو" | "ذي", "القعدة") => 11,
        ("ذو" | "ذي", "الحجة") => 12,
        _ => return None,
    };
    Some((two, 2))
}

/// The era mark after a Lunar Hijri year ("1447 هـ", "1447ه").
pub(crate) fn hijri_era(w: &str) -> bool {
    matches!(w, "ه" | "هـ" | "هجري" | "هجرية" | "للهجرة")
}

/// The month words of `month_after_day` that are also common words: a date with them needs a
/// year ("3 des 2025", never "3 des").
pub(crate) fn month_needs_year(w: &str) -> bool {
    matches!(
        w,
        "ago"
            | "set"
            | "out"
            | "ian"
            | "mac"
            | "iun"
            | "iul"
            | "agt"
            | "agu"
            | "noi"
            | "des"
            | "اب"
            | "oca"
            | "sty"
            | "sub"
            | "lut"
            | "nis"
            | "kwi"
            | "haz"
            | "cze"
            | "tem"
            | "lip"
            | "sie"
            | "eyl"
            | "wrz"
            | "eki"
            | "paz"
            | "kas"
            | "lis"
            | "ara"
            | "gru"
            | "січ"
            | "лют"
            | "бер"
            | "квіт"
            | "трав"
            | "черв"
            | "лип"
            | "серп"
            | "вер"
            | "жовт"
            | "лист"
            | "груд"
            | "مه"
            | "sere"
            | "igbe"
            | "ogun"
            | "belu"
            | "ope"
            | "ion"
            | "chwef"
            | "maw"
            | "ebr"
            | "meh"
            | "gorff"
            | "hyd"
            | "tach"
            | "rhag"
            | "led"
            | "sij"
            | "tammik"
            | "saus"
            | "jaan"
            | "яну"
            | "јан"
            | "uno"
            | "velj"
            | "helmik"
            | "vas"
            | "veebr"
            | "феб"
            | "bre"
            | "ozu"
            | "maalisk"
            | "kov"
            | "dub"
            | "tra"
            | "huhtik"
            | "bal"
            | "kve"
            | "svi"
            | "toukok"
            | "geg"
            | "cvn"
            | "kesak"
            | "birz"
            | "cvc"
            | "heinak"
            | "liep"
            | "kol"
            | "elok"
            | "rugp"
            | "avg"
            | "ag"
            | "იან"
            | "თებ"
            | "მარ"
            | "აპრ"
            | "მაი"
            | "ივნ"
            | "ივლ"
            | "აგვ"
            | "სექ"
            | "ოქტ"
            | "ნოე"
            | "დეკ"
            | "հնվ"
            | "փտվ"
            | "մրտ"
            | "ապր"
            | "մյս"
            | "հնս"
            | "հլս"
            | "օգս"
            | "սեպ"
            | "հոկ"
            | "նոյ"
            | "դեկ"
            | "srp"
            | "zar"
            | "ruj"
            | "syysk"
            | "rugs"
            | "сеп"
            | "rij"
            | "lokak"
            | "spal"
            | "stu"
            | "marrask"
            | "lapkr"
            | "ное"
            | "нов"
            | "pro"
            | "jouluk"
            | "gruod"
            | "dets"
            | "dis"
            | "дец"
    )
}

/// Weekday (0 = Monday) and whether the name is a full one (abbreviations such as "Tue" only
/// count in front of a date).
pub(crate) fn weekday(w: &str) -> Option<(u8, bool)> {
    Some(match w {
        "monday" | "lundi" | "lunes" | "montag" | "segunda" | "lunedi" | "maandag" => (0, true),
        "tuesday" | "mardi" | "martes" | "dienstag" | "terca" | "martedi" | "dinsdag" => (1, true),
        "wednesday" | "mercredi" | "miercoles" | "mittwoch" | "quarta" | "mercoledi"
        | "woensdag" => (2, true),
        "thursday" | "jeudi" | "jueves" | "donnerstag" | "quinta" | "giovedi" | "donderdag" => {
            (3, true)
        }
        "friday" | "vendredi" | "viernes" | "freitag" | "sexta" | "venerdi" | "vrijdag" => {
            (4, true)
        }
        "saturday" | "samedi" | "sabado" | "samstag" | "sonnabend" | "sabato" | "zaterdag" => {
            (5, true)
        }
        "sunday" | "dimanche" | "domingo" | "sonntag" | "domenica" | "zondag" => (6, true),
        "mon" | "lun" | "mo" | "seg" => (0, false),
        "tue" | "tues" | "tu" | "di" | "ter" => (1, false),
        "wed" | "mer" | "mie" | "mi" | "qua" | "we" => (2, false),
        "thu" | "thur" | "thurs" | "th" | "jeu" | "jue" | "do" | "qui" | "gio" => (3, false),
        "fri" | "ven" | "vie" | "fr" | "sex" => (4, false),
        "sat" | "sam" | "sab" | "sa" => (5, false),
        "sun" | "dim" | "dom" | "so" | "su" => (6, false),
        _ => return other_weekday(w),
    })
}

/// Weekdays beyond the six first languages, full (true) and abbreviated (false; only words of
/// three letters or more, as "to", "ma", "do" and "la" are words).
fn other_weekday(w: &str) -> Option<(u8, bool)> {
    Some(match w {
        "mandag"
        | "maanantai"
        | "hetfo"
        | "poniedzialek"
        | "pondeli"
        | "pondelok"
        | "luni"
        | "pazartesi"
        | "senin"
        | "isnin"
        | "понедельник"
        | "понеділок"
        | "δευτερα"
        | "الاثنين" => (0, true),
        "tisdag" | "tirsdag" | "tiistai" | "kedd" | "wtorek" | "utery" | "utorok" | "marti"
        | "sali" | "selasa" | "вторник" | "вівторок" | "τριτη" | "الثلاثاء" => {
            (1, true)
        }
        "onsdag" | "keskiviikko" | "szerda" | "sroda" | "streda" | "miercuri" | "carsamba"
        | "rabu" | "среда" | "середа" | "τεταρτη" | "الاربعاء" => {
            (2, true)
        }
        "torsdag" | "torstai" | "csutortok" | "czwartek" | "ctvrtek" | "stvrtok" | "joi"
        | "persembe" | "kamis" | "khamis" | "четверг" | "четвер" | "πεμπτη" | "الخميس" => {
            (3, true)
        }
        "fredag" | "perjantai" | "pentek" | "piatek" | "patek" | "piatok" | "vineri" | "cuma"
        | "jumat" | "jumaat" | "пятница" | "παρασκευη" | "الجمعة" => {
            (4, true)
        }
        "lordag" | "lauantai" | "szombat" | "sobota" | "sambata" | "cumartesi" | "sabtu"
        | "суббота" | "субота" | "σαββατο" | "السبت" => (5, true),
        "sondag"
        | "sunnuntai"
        | "vasarnap"
        | "niedziela"
        | "nedele"
        | "nedela"
        | "duminica"
        | "pazar"
        | "minggu"
        | "ahad"
        | "воскресенье"
        | "неділя"
        | "κυριακη"
        | "الاحد" => (6, true),
        "pon" | "pzt" | "δευ" | "пн" => (0, false),
        "tis" | "tir" | "τρι" | "вт" => (1, false),
        "ons" | "sro" | "rab" | "τετ" | "ср" => (2, false),
        "czw" | "tors" | "per" | "kam" | "πεμ" | "чт" => (3, false),
        "pia" | "fre" | "cum" | "jum" | "παρ" | "пт" => (4, false),
        "sob" | "lor" | "cmt" | "σαβ" | "сб" => (5, false),
        "niedz" | "paz" | "dum" | "κυρ" | "вс" => (6, false),
        _ => return None,
    })
}

/// "mar" is Tuesday in French, Spanish and Italian, as well as March in English: only in front
/// of a date, and only when reading it as a month fails.
pub(crate) fn weekday_abbrev_or_mar(w: &str) -> Option<u8> {
    if w == "mar" {
        return Some(1);
    }
    weekday(w).map(|(d, _)| d)
}

/// A unit word and whether it is a compact unit ("5h", "2d", "3 min") that means "ago" even
/// without the word. Full words ("hours") need "ago": "48 Hours" is a TV programme.
pub(crate) fn unit(w: &str) -> Option<(Unit, bool)> {
    Some(match w {
        "s" | "sec" | "secs" | "seg" | "sek" => (Unit::Second, true),
        "second" | "seconds" | "seconde" | "secondes" | "segundo" | "segundos" | "sekunde"
        | "sekunden" | "secondo" | "secondi" | "seconden" => (Unit::Second, false),
        "m" | "min" | "mins" | "mn" => (Unit::Minute, true),
        "minute" | "minutes" | "minuto" | "minutos" | "minuten" | "minuti" => (Unit::Minute, false),
        "h" | "hr" | "hrs" | "hs" | "std" | "tim" => (Unit::Hour, true),
        "hour" | "hours" | "heure" | "heures" | "hora" | "horas" | "stunde" | "stunden" | "ora"
        | "ore" | "uur" | "uren" => (Unit::Hour, false),
        "d" | "j" => (Unit::Day, true),
        "day" | "days" | "jour" | "jours" | "dia" | "dias" | "tag" | "tage" | "tagen"
        | "giorno" | "giorni" | "dag" | "dagen" => (Unit::Day, false),
        "w" | "wk" | "wks" | "sem" => (Unit::Week, true),
        "week" | "weeks" | "semaine" | "semaines" | "semana" | "semanas" | "woche" | "wochen"
        | "settimana" | "settimane" | "weken" => (Unit::Week, false),
        "mo" | "mos" | "mon" | "mth" | "mths" => (Unit::Month, true),
        "month" | "months" | "mois" | "mes" | "meses" | "monat" | "monate" | "monaten" | "mese"
        | "mesi" | "maand" | "maanden" => (Unit::Month, false),
        "y" | "yr" | "yrs" => (Unit::Year, true),
        "year" | "years" | "an" | "ans" | "annee" | "annees" | "ano" | "anos" | "jahr"
        | "jahre" | "jahren" | "anno" | "anni" | "jaar" | "jaren" => (Unit::Year, false),
        _ => return other_unit(w).map(|u| (u, false)),
    })
}

/// Unit words beyond the six first languages; all are full words that need "ago" (or its
/// equivalent: "назад", "temu", "önce", "yang lalu", "sedan", "před").
fn other_unit(w: &str) -> Option<Unit> {
    // Latin-script words and words of other scripts are looked up apart: most words on a line
    // are ASCII and never need the second table.
    if !w.is_ascii() {
        return other_unit_script(w);
    }
    Some(match w {
        "sekund" | "sekunder" | "sekunde" | "sekundy" | "sekundou" | "sekundami" | "sekunti"
        | "sekuntia" | "secunda" | "secunde" | "saniye" | "sn" | "detik" | "seconde" | "giay"
        | "masodperce" | "masodperccel" => Unit::Second,
        "minuut" | "minut" | "minuta" | "minuter" | "minutter" | "minutt" | "minuty"
        | "minutou" | "minutami" | "minuutti" | "minuuttia" | "dakika" | "dakikalik" | "dk"
        | "menit" | "minit" | "phut" | "perce" | "perccel" => Unit::Minute,
        "timme" | "timmar" | "time" | "timer" | "tunti" | "tuntia" | "godzine" | "godziny"
        | "godzin" | "godz" | "hodinou" | "hodinami" | "hodin" | "hodiny" | "saat" | "sa"
        | "jam" | "gio" | "oraja" | "oraval" => Unit::Hour,
        "dagar" | "dage" | "dager" | "paiva" | "paivaa" | "dzien" | "dni" | "dnem" | "dny"
        | "dnami" | "zi" | "zile" | "gun" | "hari" | "ngay" | "napja" | "nappal" => Unit::Day,
        "vecka" | "veckor" | "uge" | "uger" | "uke" | "uker" | "viikko" | "viikkoa" | "tydzien"
        | "tygodnie" | "tygodni" | "tydnem" | "tydny" | "tyzdnom" | "saptamana" | "saptamani"
        | "hafta" | "minggu" | "tuan" | "hete" | "hettel" | "veckan" => Unit::Week,
        "manad" | "manader" | "maned" | "maneder" | "kuukausi" | "kuukautta" | "miesiac"
        | "miesiace" | "miesiecy" | "mesicem" | "mesici" | "mesiacmi" | "luna" | "luni" | "ay"
        | "bulan" | "thang" | "honapja" | "honappal" | "manaden" => Unit::Month,
        "ar" | "vuosi" | "vuotta" | "rok" | "lata" | "lat" | "rokem" | "roky" | "lety"
        | "rokmi" | "ani" | "yil" | "sene" | "tahun" | "nam" | "aret" => Unit::Year,
        // Turkish ablatives, before "fazla önce" (more than ... ago): "2 saatten fazla önce".
        "saniyeden" => Unit::Second,
        "dakikadan" => Unit::Minute,
        "saatten" => Unit::Hour,
        "gunden" => Unit::Day,
        "haftadan" => Unit::Week,
        "aydan" => Unit::Month,
        "yildan" => Unit::Year,
        // Croatian, Bosnian, Serbian.
        "sekundi" => Unit::Second,
        "sata" | "sati" => Unit::Hour,
        "dana" => Unit::Day,
        "tjedan" | "tjedna" | "tjedana" => Unit::Week,
        "mjesec" | "mjeseca" | "mjeseci" | "mesec" | "meseca" | "meseci" => Unit::Month,
        "godinu" | "godine" | "godina" => Unit::Year,
        // Catalan.
        "segons" => Unit::Second,
        "minuts" => Unit::Minute,
        "hores" => Unit::Hour,
        "dies" => Unit::Day,
        "setmana" | "setmanes" => Unit::Week,
        "mesos" => Unit::Month,
        "anys" => Unit::Year,
        // Icelandic after "fyrir" ("fyrir 2 klukkustundum"), Welsh before "yn ôl" ("2 awr yn ôl";
        // the month "mis" is left out: it is French "mis à jour").
        "sekundum" | "eiliad" => Unit::Second,
        "minutum" | "munud" => Unit::Minute,
        "klukkustundum" | "klst" | "awr" => Unit::Hour,
        "dogum" | "diwrnod" => Unit::Day,
        "vikum" | "wythnos" => Unit::Week,
        "manudum" => Unit::Month,
        "arum" | "blynedd" | "mlynedd" => Unit::Year,
        // Albanian ("2 orë më parë"; the hour is the Italian "ore"), Azerbaijani ("2 saat əvvəl"),
        // Uzbek ("2 soat oldin") and Afrikaans ("2 uur gelede").
        "sekonda" | "soniya" | "sekondes" => Unit::Second,
        "deqiqe" | "daqiqa" => Unit::Minute,
        "soat" => Unit::Hour,
        "dite" | "dae" | "kun" => Unit::Day,
        "jave" | "hefte" | "weke" => Unit::Week,
        "muaj" | "oy" | "maande" => Unit::Month,
        "vit" | "vite" | "vjet" => Unit::Year,
        // Swahili and Yoruba, which put the unit first ("Saa 2 zilizopita", "wákàtí 2 sẹ́yìn",
        // see `ago_after_unit_first`), and Somali ("2 saacadood kahor").
        "saa" | "wakati" | "saacadood" | "saac" => Unit::Hour,
        "iseju" | "daqiiqo" | "daqiiqadood" => Unit::Minute,
        "siku" | "ojo" | "maalin" | "maalmood" => Unit::Day,
        "wiki" | "toddobaad" => Unit::Week,
        "mwezi" | "miezi" | "bil" | "bilood" => Unit::Month,
        "mwaka" | "miaka" | "sano" => Unit::Year,
        // Tagalog ("2 oras ang nakalipas").
        "oras" => Unit::Hour,
        "araw" => Unit::Day,
        "linggo" => Unit::Week,
        "buwan" => Unit::Month,
        "taon" => Unit::Year,
        // Lithuanian ("prieš 2 valandas"), Latvian ("pirms 2 stundām"), Estonian ("2 tundi
        // tagasi") and Slovenian ("pred 2 urama"); the English-looking "minute", "minutes"
        // are in `unit`.
        "sekundes" | "sekundziu" | "sekundem" | "sekundit" | "sekundo" | "sekundama" => {
            Unit::Second
        }
        "minuciu" | "minutem" | "minutit" | "minuto" | "minutama" => Unit::Minute,
        "valanda" | "valandas" | "valandu" | "val" | "stunda" | "stundas" | "stundam"
        | "stundu" | "tund" | "tundi" | "tunni" | "uro" | "urama" | "urami" => Unit::Hour,
        "diena" | "dienas" | "dienu" | "dienam" | "paev" | "paeva" | "dnevi" | "dnevoma" => {
            Unit::Day
        }
        "savaite" | "savaites" | "savaiciu" | "nedela" | "nedelas" | "nedelam" | "nedelu"
        | "nadal" | "nadalat" | "tednom" | "tedni" | "tednoma" => Unit::Week,
        "menesi" | "menesius" | "menesiu" | "menesiem" | "menesa" | "menesis" | "kuu" | "kuud"
        | "mesecem" | "mesecema" => Unit::Month,
        "metus" | "metu" | "metai" | "gadiem" | "gadu" | "gadi" | "aasta" | "aastat" | "letom"
        | "leti" | "letoma" => Unit::Year,
        // Basque, after "duela" ("duela 3 ordu", "duela ordu bat").
        "minutu" => Unit::Minute,
        "ordu" => Unit::Hour,
        "egun" => Unit::Day,
        "aste" => Unit::Week,
        "hilabete" => Unit::Month,
        "urte" => Unit::Year,
        // Irish, before "ó shin" ("3 uair an chloig ó shin"; the day "lá" is in `relative`).
        "soicind" => Unit::Second,
        "noimead" | "noimeid" => Unit::Minute,
        "uair" | "huaire" => Unit::Hour,
        "seachtain" | "seachtaine" => Unit::Week,
        "mhi" => Unit::Month,
        "bliain" | "bliana" => Unit::Year,
        // Maltese, before "ilu" ("3 sigħat ilu").
        "sekondi" => Unit::Second,
        "sighat" | "siegha" => Unit::Hour,
        "ijiem" | "jiem" | "jum" => Unit::Day,
        "gimgha" | "gimghat" => Unit::Week,
        "xahar" | "xhur" => Unit::Month,
        "sena" | "snin" => Unit::Year,
        // Welsh soft and nasal mutations after a count ("2 ddiwrnod yn ôl", "3 blynedd").
        "funud" => Unit::Minute,
        "ddiwrnod" | "niwrnod" => Unit::Day,
        "fis" => Unit::Month,
        "flynedd" | "blwyddyn" => Unit::Year,
        // Albanian ablatives after "para" ("para 3 orësh").
        "sekondash" => Unit::Second,
        "minutash" => Unit::Minute,
        "oresh" => Unit::Hour,
        "ditesh" => Unit::Day,
        "javesh" => Unit::Week,
        "muajsh" => Unit::Month,
        "vitesh" | "vjetesh" => Unit::Year,
        // Hausa ("Sa'o'i 3 da suka wuce") and Afaan Oromo ("Sa'aatii 3 dura"), unit first.
        "minti" | "mintuna" | "daqiiqaa" => Unit::Minute,
        // Yoruba week, month and year ("ọ̀sẹ̀", "oṣù", "ọdún").
        "ose" => Unit::Week,
        "osu" => Unit::Month,
        "odun" => Unit::Year,
        // Irish after a mutation ("dhá sheachtain", "2 bhliain"), Catalan "un any".
        "sheachtain" | "sheachtaine" => Unit::Week,
        "bhliain" | "any" => Unit::Year,
        "awa" | "awanni" | "saoi" | "saaatii" => Unit::Hour,
        "kwana" | "kwanaki" | "guyyaa" => Unit::Day,
        "mako" | "makonni" | "torbee" => Unit::Week,
        "wata" | "watanni" | "jia" => Unit::Month,
        "shekara" | "shekaru" | "waggaa" => Unit::Year,
        _ => return None,
    })
}

/// Unit words written in Cyrillic, Greek, Arabic, Persian, Urdu, Hebrew, Devanagari and Thai.
fn other_unit_script(w: &str) -> Option<Unit> {
    Some(match w {
        "секунду"
        | "секунды"
        | "секунд"
        | "сек"
        | "секунди"
        | "δευτερολεπτο"
        | "δευτερολεπτα"
        | "ثانية"
        | "ثوان"
        | "ثواني"
        | "सेकंड"
        | "सेकेंड"
        | "ثانیه"
        | "שניות"
        | "שנייה"
        | "سیکنڈ"
        | "วินาที" => Unit::Second,
        "минуту" | "минуты" | "минут" | "мин" | "хвилину" | "хвилини" | "хвилин" | "хв"
        | "λεπτο" | "λεπτα" | "دقيقة" | "دقائق" | "मिनट" | "دقیقه" | "דקות" | "דקה" | "منٹ"
        | "นาที" => Unit::Minute,
        "час" | "часа" | "часов" | "ч" | "годину" | "години" | "годин" | "ωρα" | "ωρεσ"
        | "ساعة" | "ساعات" | "घंटा" | "घंटे" | "ساعت" | "שעות" | "שעה" | "گھنٹے" | "گھنٹہ"
        | "گھنٹا" | "ชัวโมง" | "ชม" => Unit::Hour,
        "день" | "дня" | "дней" | "дн" | "дні" | "днів" | "ημερα" | "ημερεσ" | "μερα" | "μερεσ"
        | "يوم" | "ايام" | "दिन" | "روز" | "ימים" | "יום" | "دن" | "วัน" => {
            Unit::Day
        }
        "неделю" | "недели" | "недель" | "нед" | "тиждень" | "тижні" | "тижнів" | "εβδομαδα"
        | "εβδομαδεσ" | "اسبوع" | "اسابيع" | "सपताह" | "हफता" | "हफते" | "هفته" | "שבועות"
        | "שבוע" | "ہفتے" | "ہفتہ" | "สัปดาห" | "อาทิตย" => {
            Unit::Week
        }
        "месяц" | "месяца" | "месяцев" | "мес" | "місяць" | "місяці" | "місяців" | "μηνα"
        | "μηνεσ" | "شهر" | "اشهر" | "شهور" | "महीना" | "महीने" | "ماه" | "חודשים" | "חודש"
        | "مہینے" | "مہینہ" | "เดือน" => Unit::Month,
        "год" | "года" | "лет" | "рік" | "роки" | "років" | "χρονο" | "χρονια" | "ετοσ" | "ετη"
        | "سنة" | "سنوات" | "عام" | "اعوام" | "साल" | "वरष" | "سال" | "שנים" | "שנה" | "ปี" => {
            Unit::Year
        }
        // Tamil: the hour is "மணி நேரம்" ("2 மணி நேரத்திற்கு முன்பு"), see `ago_at`.
        "மணி" => Unit::Hour,
        // Pashto ("۲ ساعته مخکې"), Kyrgyz ("2 саат мурун"), Amharic ("ከ2 ሰዓት በፊት") and
        // Tigrinya ("ቅድሚ 2 ሰዓት").
        "ثانیې" | "ሰከንድ" => Unit::Second,
        "دقیقې" | "دقیقو" | "мүнөт" | "ደቂቃ" | "ደቂቃዎች" => {
            Unit::Minute
        }
        "ساعته" | "ساعتونه" | "саат" | "ሰዓት" | "ሰዓታት" => Unit::Hour,
        "ورځې" | "ورځو" | "ቀን" | "ቀናት" | "መዓልቲ" => Unit::Day,
        "اونۍ" | "жума" | "ሳምንት" | "ሳምንታት" => Unit::Week,
        "میاشتې" | "میاشتو" | "ወር" | "ወራት" => Unit::Month,
        "کاله" | "ዓመት" | "ዓመታት" => Unit::Year,
        // Georgian ("2 საათის წინ") and Armenian ("2 ժամ առաջ").
        "წამის" | "վայրկյան" => Unit::Second,
        "წუთის" | "րոպե" => Unit::Minute,
        "საათის" | "ժամ" => Unit::Hour,
        "დღის" | "օր" => Unit::Day,
        "კვირის" | "շաբաթ" => Unit::Week,
        "თვის" | "ամիս" => Unit::Month,
        "წლის" | "տարի" => Unit::Year,
        // Kazakh ("2 сағат бұрын") and Nepali ("२ घण्टा अगाडि").
        "сағат" | "घणटा" => Unit::Hour,
        "मिनेट" => Unit::Minute,
        "күн" => Unit::Day,
        "апта" => Unit::Week,
        "ай" => Unit::Month,
        "жыл" => Unit::Year,
        // Serbian in Cyrillic ("пре 2 сата"); "године" is years, the Ukrainian "години" hours.
        "секунде" => Unit::Second,
        "минута" | "минуте" => Unit::Minute,
        "сат" | "сата" | "сати" => Unit::Hour,
        "дана" => Unit::Day,
        "недеље" => Unit::Week,
        "месец" | "месеца" | "месеци" => Unit::Month,
        "седмица" | "седмици" => Unit::Week,
        // Urdu "ماہ" (month; "3 ماہ پہلے").
        "ماہ" => Unit::Month,
        "године" => Unit::Year,
        // Telugu, Gujarati, Punjabi and Tamil, folded like Bengali; Marathi writes "ago" into
        // the unit ("2 तासांपूर्वी", see `unit_with_ago`).
        "సెకనల" => Unit::Second,
        "సెకనలు" => Unit::Second,
        "నిమిషాల" => Unit::Minute,
        "నిమిషాలు" => Unit::Minute,
        "నిమిషం" => Unit::Minute,
        "గంటల" => Unit::Hour,
        "గంటలు" => Unit::Hour,
        "గంట" => Unit::Hour,
        "రోజుల" => Unit::Day,
        "రోజులు" => Unit::Day,
        "రోజు" => Unit::Day,
        "వారాల" => Unit::Week,
        "వారం" => Unit::Week,
        "నెలల" => Unit::Month,
        "నెల" => Unit::Month,
        "సంవతసరాల" => Unit::Year,
        "సంవతసరం" => Unit::Year,
        "સેકનડ" => Unit::Second,
        "મિનિટ" => Unit::Minute,
        "કલાક" => Unit::Hour,
        "દિવસ" => Unit::Day,
        "અઠવાડિયા" => Unit::Week,
        "અઠવાડિયું" => Unit::Week,
        "મહિના" => Unit::Month,
        "મહિનો" => Unit::Month,
        "વરષ" => Unit::Year,
        "ਸਕਿੰਟ" => Unit::Second,
        "ਮਿੰਟ" => Unit::Minute,
        "ਘੰਟੇ" => Unit::Hour,
        "ਘੰਟਾ" => Unit::Hour,
        "ਦਿਨ" => Unit::Day,
        "ਦਿਨਾਂ" => Unit::Day,
        "ਹਫਤੇ" => Unit::Week,
        "ਹਫਤਾ" => Unit::Week,
        "ਮਹੀਨੇ" => Unit::Month,
        "ਮਹੀਨਾ" => Unit::Month,
        "ਸਾਲ" => Unit::Year,
        "நிமிடஙகளுககு" => Unit::Minute,
        "நிமிடம" => Unit::Minute,
        "நிமிடஙகள" => Unit::Minute,
        "நாடகளுககு" => Unit::Day,
        "நாடகள" => Unit::Day,
        "நாள" => Unit::Day,
        "வாரஙகளுககு" => Unit::Week,
        "வாரம" => Unit::Week,
        "மாதஙகளுககு" => Unit::Month,
        "மாதம" => Unit::Month,
        "ஆணடுகளுககு" => Unit::Year,
        "ஆணடு" => Unit::Year,
        "வினாடிகளுககு" => Unit::Second,
        // Marathi units spelled apart from "आधी" (before): "3 तास आधी", "2 दिवस आधी".
        "सेकंद" => Unit::Second,
        "मिनिटे" | "मिनिटं" | "मिनिट" => Unit::Minute,
        "तास" => Unit::Hour,
        "दिवस" => Unit::Day,
        "आठवडे" | "आठवडा" => Unit::Week,
        "महिने" | "महिना" => Unit::Month,
        "वरषे" => Unit::Year,
        "सेकंदांपूरवी" => Unit::Second,
        "मिनिटांपूरवी" => Unit::Minute,
        "मिनिटापूरवी" => Unit::Minute,
        "तासांपूरवी" => Unit::Hour,
        "तासापूरवी" => Unit::Hour,
        "दिवसांपूरवी" => Unit::Day,
        "दिवसापूरवी" => Unit::Day,
        "आठवडयांपूरवी" => Unit::Week,
        "आठवडयापूरवी" => Unit::Week,
        "महिनयांपूरवी" => Unit::Month,
        "महिनयापूरवी" => Unit::Month,
        "वरषांपूरवी" => Unit::Year,
        "वरषापूरवी" => Unit::Year,
        // Belarusian ("3 гадзіны таму").
        "гадзіны" | "гадзін" | "гадзіна" | "гадзіну" => Unit::Hour,
        "хвіліны" | "хвілін" | "хвіліна" => Unit::Minute,
        "дзень" | "дзен" => Unit::Day,
        "тыдзень" | "тыдні" | "тыдняў" => Unit::Week,
        "месяцы" | "месяцаў" => Unit::Month,
        "гады" | "гадоў" => Unit::Year,
        // Kannada ("3 ಗಂಟೆಗಳ ಹಿಂದೆ") and Malayalam ("3 മണിക്കൂർ മുമ്പ്"), folded.
        "ಸೆಕೆಂಡುಗಳ" | "ಸೆಕೆಂಡ" | "സെകകൻഡ" | "സെകകൻഡുകൾ" => {
            Unit::Second
        }
        "ನಿಮಿಷಗಳ" | "ನಿಮಿಷ" | "മിനിററ" | "മിനിററുകൾ" => {
            Unit::Minute
        }
        "ಗಂಟೆಗಳ" | "ಗಂಟೆ" | "മണികകൂർ" | "മണികകൂറുകൾ" => {
            Unit::Hour
        }
        "ದಿನಗಳ" | "ದಿನ" | "ദിവസം" | "ദിവസങങൾ" => Unit::Day,
        "ವಾರಗಳ" | "ವಾರ" | "ആഴച" | "ആഴചകൾ" => Unit::Week,
        "ತಿಂಗಳುಗಳ" | "ತಿಂಗಳ" | "മാസം" | "മാസങങൾ" => {
            Unit::Month
        }
        "ವರಷಗಳ" | "ವರಷ" | "വർഷം" | "വർഷങങൾ" => Unit::Year,
        // Sinhala, unit first ("පැය 3කට පෙර", see `ago_after_unit_first_at`), folded.
        "තතපර" => Unit::Second,
        "මිනිතතු" => Unit::Minute,
        "පැය" => Unit::Hour,
        "දින" => Unit::Day,
        "සති" => Unit::Week,
        "මාස" => Unit::Month,
        "වසර" | "අවුරුදු" => Unit::Year,
        // Burmese ("လွန်ခဲ့သော ၃ နာရီက", "၃ နာရီ အကြာက"), folded; Khmer ("៣ ម៉ោងមុន"), folded.
        "စကကန" | "វិនាទី" => Unit::Second,
        "မိနစ" | "នាទី" => Unit::Minute,
        "နာရီ" | "មោង" => Unit::Hour,
        "ရက" | "ថងៃ" => Unit::Day,
        "ပတ" | "သီတင်းပတ" | "សបតាហ" => Unit::Week,
        "လ" | "ខែ" => Unit::Month,
        "နှစ" | "ឆនាំ" => Unit::Year,
        // Bengali, folded ("ঘণ্টা" is "ঘণটা").
        "সেকেনড" => Unit::Second,
        "মিনিট" => Unit::Minute,
        "ঘণটা" | "ঘনটা" => Unit::Hour,
        "দিন" => Unit::Day,
        "সপতাহ" => Unit::Week,
        "মাস" => Unit::Month,
        "বছর" => Unit::Year,
        _ => return glued_ago_stem(w).and_then(other_unit_script),
    })
}

/// A unit written together with its "ago" in the scripts that put no space between words:
/// Thai ("ชั่วโมงที่แล้ว", "วันที่ผ่านมา", "นาทีก่อน"), Khmer ("ម៉ោងមុន") and the Burmese past
/// marker ("နာရီက" after "လွန်ခဲ့သော"): the unit without it.
fn glued_ago_stem(w: &str) -> Option<&str> {
    let suffixes: &[&str] = match w.chars().next() {
        Some(c) if super::lexer::is_thai(c) => &["ทีแลว", "ทีผานมา", "กอน"],
        Some('\u{1780}'..='\u{17FF}') => &["មុន"],
        Some('\u{1000}'..='\u{109F}') => &["က"],
        _ => return None,
    };
    suffixes
        .iter()
        .find_map(|suffix| w.strip_suffix(suffix))
        .filter(|stem| !stem.is_empty())
}

/// Unit words that carry "ago" in their ending: Hungarian ("2 órája", "5 perce", "3 napja"),
/// Marathi ("2 तासांपूर्वी") and Thai written without a space ("3 ชั่วโมงที่แล้ว").
/// "éve" (years ago) is left out: folded it is the English "eve".
pub(crate) fn unit_with_ago(w: &str) -> bool {
    glued_ago_stem(w).is_some_and(|stem| other_unit_script(stem).is_some())
        || matches!(
            w,
            "masodperce"
                | "perce"
                | "oraja"
                | "napja"
                | "hete"
                | "honapja"
                | "सेकंदांपूरवी"
                | "मिनिटांपूरवी"
                | "मिनिटापूरवी"
                | "तासांपूरवी"
                | "तासापूरवी"
                | "दिवसांपूरवी"
                | "दिवसापूरवी"
                | "आठवडयांपूरवी"
                | "आठवडयापूरवी"
                | "महिनयांपूरवी"
                | "महिनयापूरवी"
                | "वरषांपूरवी"
                | "वरषापूरवी"
        )
}

/// Unit words that carry their own count: "час назад" (an hour ago), "před hodinou", "منذ
/// ساعتين" (two hours ago, Arabic dual). Only counted with "ago" or its prefix.
/// Russian and Ukrainian units in the genitive singular, which mean one only after "more than",
/// "less than" or "about" ("больше года назад", more than a year ago; "около часа назад";
/// "близько години тому").
pub(crate) fn unit_genitive_one(w: &str) -> Option<(Unit, u64)> {
    Some(match w {
        "минуты" | "хвилини" => (Unit::Minute, 1),
        "часа" | "години" => (Unit::Hour, 1),
        "дня" => (Unit::Day, 1),
        "недели" | "тижня" => (Unit::Week, 1),
        "месяца" | "місяця" => (Unit::Month, 1),
        "года" | "року" => (Unit::Year, 1),
        _ => return None,
    })
}

pub(crate) fn unit_with_count(w: &str) -> Option<(Unit, u64)> {
    Some(match w {
        "секунду" | "sekunde" | "sekundou" => (Unit::Second, 1),
        "минуту" | "хвилину" | "minute" | "minutou" | "دقيقة" => {
            (Unit::Minute, 1)
        }
        "час" | "годину" | "godzine" | "hodinou" | "ساعة" => (Unit::Hour, 1),
        "день" | "dnem" | "يوم" => (Unit::Day, 1),
        "неделю" | "тиждень" | "tydzien" | "tydnem" | "اسبوع" => (Unit::Week, 1),
        "месяц" | "місяць" | "miesiac" | "mesicem" | "شهر" => (Unit::Month, 1),
        "год" | "рік" | "rok" | "rokem" | "سنة" | "عام" => (Unit::Year, 1),
        "sekejap" => (Unit::Second, 1),
        // Finnish: "tunti sitten" (an hour ago).
        "sekunti" => (Unit::Second, 1),
        "minuutti" => (Unit::Minute, 1),
        "tunti" => (Unit::Hour, 1),
        "viikko" => (Unit::Week, 1),
        "kuukausi" => (Unit::Month, 1),
        "vuosi" => (Unit::Year, 1),
        // Hebrew: one unit, and the dual forms (two hours, two days).
        "דקה" => (Unit::Minute, 1),
        "שעה" => (Unit::Hour, 1),
        "יום" => (Unit::Day, 1),
        "שבוע" => (Unit::Week, 1),
        "חודש" => (Unit::Month, 1),
        "שנה" => (Unit::Year, 1),
        "שעתיים" => (Unit::Hour, 2),
        // "כ" glued before the unit is "about": "לפני כשעה", "לפני כשעתיים".
        "כשעה" => (Unit::Hour, 1),
        "כשעתיים" => (Unit::Hour, 2),
        "יומיים" => (Unit::Day, 2),
        "שבועיים" => (Unit::Week, 2),
        "חודשיים" => (Unit::Month, 2),
        "שנתיים" => (Unit::Year, 2),
        "semenit" => (Unit::Minute, 1),
        "sejam" => (Unit::Hour, 1),
        "sehari" => (Unit::Day, 1),
        "seminggu" => (Unit::Week, 1),
        "sebulan" => (Unit::Month, 1),
        "setahun" => (Unit::Year, 1),
        // Lithuanian ("prieš valandą"), Latvian ("pirms stundas") and Estonian ("tund tagasi"):
        // one unit without a count.
        "sekund" => (Unit::Second, 1),
        "minut" => (Unit::Minute, 1),
        "valanda" | "stundas" | "tund" => (Unit::Hour, 1),
        "diena" | "dienas" | "paev" => (Unit::Day, 1),
        "savaite" | "nedelas" | "nadal" => (Unit::Week, 1),
        "menesi" | "menesa" | "kuu" => (Unit::Month, 1),
        "metus" | "gada" | "aasta" => (Unit::Year, 1),
        // Half an hour in one word.
        "полчаса" | "півгодини" => (Unit::Minute, 30),
        "دقيقتين" | "دقيقتان" => (Unit::Minute, 2),
        "ساعتين" | "ساعتان" => (Unit::Hour, 2),
        "يومين" | "يومان" => (Unit::Day, 2),
        "اسبوعين" => (Unit::Week, 2),
        "شهرين" => (Unit::Month, 2),
        "سنتين" | "عامين" => (Unit::Year, 2),
        // One unit without a count, in languages with no indefinite article: Maltese ("xahar
        // ilu", a month ago), Welsh ("awr yn ôl"; the month "mis" only so, never in "mis à
        // jour") and Icelandic after "fyrir" ("fyrir klukkustund", "fyrir ári").
        "siegha" | "awr" | "klukkustund" => (Unit::Hour, 1),
        "jum" | "diwrnod" | "degi" => (Unit::Day, 1),
        "gimgha" | "wythnos" | "viku" => (Unit::Week, 1),
        "xahar" | "mis" | "manudi" => (Unit::Month, 1),
        "sena" | "blwyddyn" | "ari" => (Unit::Year, 1),
        // Maltese duals ("jumejn ilu", two days ago) and Belarusian singulars.
        "saghtejn" => (Unit::Hour, 2),
        "jumejn" => (Unit::Day, 2),
        "gimaghtejn" => (Unit::Week, 2),
        "xahrejn" => (Unit::Month, 2),
        "sentejn" => (Unit::Year, 2),
        "гадзіну" => (Unit::Hour, 1),
        "хвіліну" => (Unit::Minute, 1),
        // Sinhala: one unit, the count glued on ("පැයකට පෙර", an hour ago).
        "තතපරයකට" => (Unit::Second, 1),
        "මිනිතතුවකට" => (Unit::Minute, 1),
        "පැයකට" => (Unit::Hour, 1),
        "දිනකට" => (Unit::Day, 1),
        "සතියකට" => (Unit::Week, 1),
        "මාසයකට" => (Unit::Month, 1),
        "වසරකට" => (Unit::Year, 1),
        _ => return None,
    })
}

/// Units that are a multiple of another: fortnights are two weeks, decades ten years.
pub(crate) fn scaled_unit(w: &str) -> Option<(Unit, u64)> {
    Some(match w {
        "fortnight" | "fortnights" => (Unit::Week, 2),
        "decade" | "decades" | "decennie" | "decennies" | "decada" | "decadas" | "jahrzehnt"
        | "jahrzehnten" | "decennio" | "decenni" => (Unit::Year, 10),
        _ => return None,
    })
}

/// Number words up to ninety-nine in the parts that make them ("twenty" "-" "five").
pub(crate) fn number_word(w: &str) -> Option<u64> {
    Some(match w {
        "a" | "an" | "one" | "un" | "une" | "uno" | "una" | "um" | "uma" | "ein" | "eine"
        | "einer" | "einem" | "einen" | "eins" | "een" => 1,
        "two" | "deux" | "dos" | "dois" | "duas" | "zwei" | "due" | "twee" => 2,
        "three" | "trois" | "tres" | "drei" | "tre" | "drie" => 3,
        "four" | "quatre" | "cuatro" | "quatro" | "vier" | "quattro" => 4,
        "five" | "cinq" | "cinco" | "funf" | "cinque" | "vijf" => 5,
        "six" | "seis" | "sechs" | "sei" | "zes" => 6,
        "seven" | "sept" | "siete" | "sete" | "sieben" | "sette" | "zeven" => 7,
        "eight" | "huit" | "ocho" | "oito" | "acht" | "otto" => 8,
        "nine" | "neuf" | "nueve" | "nove" | "neun" | "negen" => 9,
        "ten" | "dix" | "diez" | "dez" | "zehn" | "dieci" | "tien" => 10,
        "eleven" | "onze" | "once" | "elf" | "undici" => 11,
        "twelve" | "douze" | "doce" | "zwolf" | "dodici" | "twaalf" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" | "quinze" | "quince" | "funfzehn" | "quindici" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" | "vingt" | "veinte" | "vinte" | "zwanzig" | "venti" => 20,
        "thirty" | "trente" | "treinta" | "trinta" | "dreissig" | "trenta" => 30,
        "forty" | "quarante" | "cuarenta" | "quarenta" | "vierzig" | "quaranta" => 40,
        "fifty" | "cinquante" | "cincuenta" | "cinquenta" | "funfzig" | "cinquanta" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        _ => return other_number_word(w),
    })
}

/// Number words of the other languages ("bir", "en", "jeden", "два", "μια").
fn other_number_word(w: &str) -> Option<u64> {
    Some(match w {
        "bir" | "en" | "ett" | "egy" | "jeden" | "jedna" | "jedno" | "один" | "одну" | "одна"
        | "ενα" | "μια" | "satu" | "sebuah" | "yksi" => 1,
        "iki" | "dwa" | "dwie" | "dva" | "dve" | "doua" | "два" | "две" | "δυο" | "dua" | "tva" => {
            2
        }
        "uc" | "trzy" | "tri" | "trei" | "три" | "τρια" | "tiga" => 3,
        // Tagalog with its linker ("isang oras", an hour), Hindi, Urdu and Bengali "one".
        "isang" | "एक" | "ایک" | "এক" => 1,
        "dalawang" => 2,
        "tatlong" => 3,
        _ => return None,
    })
}

/// Counts written after the unit, in the languages that put the unit first: Swahili ("saa
/// moja iliyopita", an hour ago), Yoruba ("wákàtí kan sẹ́yìn"), Hausa ("sa'a ɗaya da ta
/// wuce"), Afaan Oromo ("sa'aatii tokko dura") and Basque ("duela ordu bat").
pub(crate) fn count_after_unit(w: &str) -> Option<u64> {
    Some(match w {
        "moja" | "kan" | "daya" | "tokko" | "bat" => 1,
        "mbili" | "meji" | "biyu" | "lama" | "bi" => 2,
        "tatu" | "meta" | "uku" | "sadii" | "hiru" => 3,
        _ => return None,
    })
}

/// Words for "a few" and "some": read as 3.
pub(crate) fn few_word(w: &str) -> bool {
    matches!(
        w,
        "few"
            | "quelques"
            | "unos"
            | "unas"
            | "algunos"
            | "algunas"
            | "alguns"
            | "algumas"
            | "einigen"
            | "einige"
            | "paar"
            | "qualche"
            | "pochi"
            | "poche"
            | "alcuni"
            | "alcune"
            | "enkele"
            | "pocos"
            | "pocas"
            | "poucos"
            | "poucas"
            | "wenigen"
            | "wenige"
            | "kilka"
            | "nekolik"
            | "niekolko"
            | "cateva"
            | "nekoliko"
            | "birkac"
            | "beberapa"
            | "nagra"
            | "nogle"
            | "noen"
            | "muutama"
            | "несколько"
            | "кілька"
            | "μερικα"
            | "λιγα"
            | "بضع"
            | "vai"
            | "कुछ"
            | "چند"
    )
}

/// Words for "half" ("half an hour", "une demi-heure", "media hora", "eine halbe Stunde").
pub(crate) fn half_word(w: &str) -> bool {
    matches!(
        w,
        "half"
            | "demi"
            | "media"
            | "medio"
            | "halbe"
            | "halben"
            | "mezz"
            | "mezza"
            | "mezzo"
            | "meia"
            | "meio"
            | "halfuur"
    )
}

/// Hedges in front of a quantity, ignored ("about 3 hours ago"). "less"/"under" are separate:
/// "less than a minute ago" is now.
pub(crate) fn hedge(w: &str) -> bool {
    matches!(
        w,
        "about"
            | "around"
            | "approximately"
            | "approx"
            | "roughly"
            | "nearly"
            | "almost"
            | "over"
            | "just"
            | "some"
            | "more"
            | "than"
            | "little"
            | "ca"
            | "circa"
            | "environ"
            | "pres"
            | "plus"
            | "casi"
            | "mas"
            | "etwa"
            | "fast"
            | "uber"
            | "mehr"
            | "als"
            | "knapp"
            | "rund"
            | "cerca"
            | "quase"
            | "mais"
            | "quasi"
            | "oltre"
            | "piu"
            | "di"
            | "de"
            | "of"
            | "bijna"
            | "ongeveer"
            | "около"
            | "почти"
            | "более"
            | "больше"
            | "свыше"
            | "alrededor"
            | "presque"
            | "aproximativ"
            | "aproape"
            | "peste"
            | "otprilike"
            | "oko"
            | "skoro"
            | "gotovo"
            | "близько"
            | "понад"
            | "більше"
            | "примерно"
            | "okolo"
            | "ponad"
            | "prawie"
            | "yaklasik"
            | "sekitar"
            | "hampir"
            | "ungefar"
            | "omkring"
            | "cirka"
            | "noin"
            | "περιπου"
            | "حوالي"
    )
}

/// Words for "less than" ("less than a minute ago" is now).
pub(crate) fn less_word(w: &str) -> bool {
    matches!(
        w,
        "less" | "under" | "moins" | "menos" | "weniger" | "meno" | "minder" | "менее" | "меньше"
    )
}

/// Words after a quantity that mean "ago".
pub(crate) fn ago_suffix(w: &str) -> bool {
    matches!(
        w,
        "ago"
            | "fa"
            | "atras"
            | "back"
            | "geleden"
            | "temu"
            | "sedan"
            | "siden"
            | "once"
            | "lalu"
            | "sitten"
            | "tagasi"
            | "atpakal"
            | "evvel"
            | "kahor"
            | "مخکې"
            | "وړاندې"
            | "мурун"
            | "წინ"
            | "առաջ"
            | "በፊት"
            | "अघि"
            | "முனனர"
            | "قبل"
            | "oldin"
            | "avval"
            | "gelede"
            | "бұрын"
            | "अगाडि"
            | "truoc"
            | "ezelott"
            | "назад"
            | "тому"
            | "πριν"
            | "पहले"
            // Marathi "आधी" (before): "3 तास आधी".
            | "आधी"
            | "ทีแลว"
            | "ทีผานมา"
            | "กอน"
            | "پہلے"
            | "پیش"
            | "আগে"
            | "కరితం"
            | "પહેલા"
            | "પહેલાં"
            | "ਪਹਿਲਾਂ"
            | "ਪਹਿਲਾ"
            | "முனபு"
            | "முன"
            // Maltese, Belarusian, Kannada, Malayalam, Sinhala, Burmese and Khmer.
            | "ilu"
            | "таму"
            | "ಹಿಂದೆ"
            | "മുമപ"
            | "മുൻപ"
            | "පෙර"
            | "အကြာက"
            | "មុន"
    )
}

/// Words that mean "ago" after a unit and its count, in the languages that put the unit first:
/// Swahili ("Saa 2 zilizopita", "Mwezi 1 uliopita") and Yoruba ("wákàtí 2 sẹ́yìn").
pub(crate) fn ago_after_unit_first(w: &str) -> bool {
    matches!(
        w,
        "zilizopita" | "iliyopita" | "uliopita" | "yaliyopita" | "lililopita" | "seyin" | "dura"
    )
}

/// Words in front of a count that mean "ago" on their own: "před 2 hodinami" (Czech, Slovak),
/// "acum 2 ore" (Romanian), "πριν 2 ώρες", "преди 2 часа", "منذ ساعتين", "قبل 3 ساعات".
/// The French, Spanish, German, Portuguese and Italian ones are in `relative`.
pub(crate) fn ago_prefix(w: &str) -> bool {
    matches!(
        w,
        "pred"
            | "prije"
            | "pre"
            | "acum"
            | "pries"
            | "pirms"
            | "пре"
            | "пред"
            | "ቅድሚ"
            | "fyrir"
            | "πριν"
            | "преди"
            | "منذ"
            | "قبل"
            | "לפני"
            // Basque ("duela 3 ordu") and Burmese ("လွန်ခဲ့သော ၃ နာရီက", "ပြီးခဲ့သည့် ၃ ရက်").
            | "duela"
            | "လွနခဲသော"
            | "ပြီးခဲသည"
    )
}

/// Words for "today" on their own.
pub(crate) fn today_word(w: &str) -> bool {
    matches!(
        w,
        "today"
            | "avui"
            | "hoy"
            | "heute"
            | "hoje"
            | "oggi"
            | "vandaag"
            | "tonight"
            | "stasera"
            | "idag"
            | "tanaan"
            | "dzisiaj"
            | "dzis"
            | "dnes"
            | "azi"
            | "astazi"
            | "bugun"
            | "danas"
            | "danes"
            | "siandien"
            | "sodien"
            | "tana"
            | "сегодня"
            | "сьогодні"
            | "σημερα"
            | "اليوم"
            | "วันนี"
            | "امروز"
            | "היום"
            | "आज"
            | "আজ"
            | "ఈరోజు"
            | "આજે"
            | "ਅੱਜ"
            | "இனறு"
            | "ಇಂದು"
            | "ഇനന"
            | "gaur"
            | "har'a"
            | "hoxe"
            | "yau"
            | "ዛሬ"
            | "heddiw"
            | "inniu"
            | "illum"
            | "сення"
            | "අද"
            | "ယနေ"
            | "ဒီနေ"
            | "ថងៃនេះ"
    )
}

/// Words for "yesterday" on their own.
pub(crate) fn yesterday_word(w: &str) -> bool {
    matches!(
        w,
        "yesterday"
            | "ahir"
            | "hier"
            | "ayer"
            | "gestern"
            | "ontem"
            | "ieri"
            | "gisteren"
            | "anoche"
            | "igar"
            | "eilen"
            | "tegnap"
            | "wczoraj"
            | "vcera"
            | "dun"
            | "kemarin"
            | "jucer"
            | "juce"
            | "vceraj"
            | "vakar"
            | "eile"
            | "semalam"
            | "вчера"
            | "вчора"
            | "χθεσ"
            | "امس"
            | "เมือวาน"
            | "เมือวานนี"
            | "دیروز"
            | "אתמול"
            | "গতকাল"
            | "నినన"
            | "ગઈકાલે"
            | "ਕੱਲਹ"
            | "நேறறு"
            | "काल"
            // Hindi "कल" is yesterday or tomorrow; a page's date is never tomorrow, and a time
            // after it ("कल शाम 6 बजे") is then yesterday's, so it reads as yesterday.
            | "कल"
            | "atzo"
            | "onte"
            | "ddoe"
            | "inne"
            | "ilbierah"
            | "kahapon"
            | "jana"
            | "jiya"
            | "kaleessa"
            | "lanaa"
            | "ትናንት"
            | "dje"
            | "учора"
            | "ನಿನನೆ"
            | "ഇനനലെ"
            | "ඊයේ"
            | "မနေက"
            | "មសិលមិញ"
    )
}

/// Parts of the day after "this"/"yesterday" ("this morning", "yesterday evening").
pub(crate) fn daypart(w: &str) -> bool {
    matches!(
        w,
        "morning"
            | "afternoon"
            | "evening"
            | "night"
            | "matin"
            | "soir"
            | "apres"
            | "midi"
            | "manana"
            | "tarde"
            | "noche"
            | "morgen"
            | "fruh"
            | "vormittag"
            | "nachmittag"
            | "abend"
            | "nacht"
            | "manha"
            | "noite"
            | "mattina"
            | "pomeriggio"
            | "sera"
            | "notte"
            | "ochtend"
            | "middag"
            | "avond"
    )
}

/// "last" in front of a unit or weekday ("last week", "letzte Woche", "last Monday").
/// Units in the locative or accusative after "last" ("w zeszłym tygodniu", "на прошлой неделе",
/// "в прошлом месяце", "minulém týdnu", "prošlog tjedna"), which are no counted units.
pub(crate) fn last_unit(w: &str) -> Option<Unit> {
    Some(match w {
        "tygodniu" | "неделе" | "тижні" | "tydnu" | "tjedna" | "tjednu" => Unit::Week,
        "miesiacu" | "месяце" | "місяці" | "mesici" | "mjeseca" | "mjesecu" => {
            Unit::Month
        }
        "roku" | "году" | "році" | "roce" | "godine" | "godini" => Unit::Year,
        _ => return None,
    })
}

pub(crate) fn last_before(w: &str) -> bool {
    matches!(
        w,
        "last"
            | "past"
            | "previous"
            | "letzte"
            | "letzten"
            | "letztes"
            | "letzter"
            | "vergangene"
            | "vergangenen"
            | "vergangenes"
            | "vorige"
            | "vorigen"
            | "voriges"
            | "afgelopen"
            | "forra"
            | "sidste"
            | "forrige"
            | "ubiegly"
            | "zeszly"
            | "zeszlym"
            | "ubieglym"
            | "minulem"
            | "proslom"
            | "proslog"
            | "прошлой"
            | "прошлом"
            | "прошлую"
            | "прошлый"
            | "минулого"
            | "минулому"
            | "минулій"
            | "минулий"
            | "minuly"
            | "gecen"
            | "trecuta"
    )
}

/// "last" after a unit or weekday ("la semaine dernière", "el lunes pasado", "il mese scorso").
pub(crate) fn last_after(w: &str) -> bool {
    matches!(
        w,
        "dernier"
            | "derniere"
            | "passe"
            | "passee"
            | "pasado"
            | "pasada"
            | "passado"
            | "passada"
            | "scorso"
            | "scorsa"
            | "passato"
            | "passata"
            | "lalu"
            | "trecut"
            | "trecuta"
    )
}

/// Words that point into the future ("next week", "tomorrow", "prochain").
pub(crate) fn future_word(w: &str) -> bool {
    matches!(
        w,
        "tomorrow"
            | "next"
            | "coming"
            | "upcoming"
            | "demain"
            | "prochain"
            | "prochaine"
            | "manana"
            | "proximo"
            | "proxima"
            | "morgen"
            | "ubermorgen"
            | "nachste"
            | "nachsten"
            | "nachstes"
            | "amanha"
            | "domani"
            | "dopodomani"
            | "prossimo"
            | "prossima"
            | "завтра"
            | "jutro"
            | "zitra"
            | "yarin"
            | "besok"
            | "imorgon"
            | "maine"
            | "huomenna"
            | "αυριο"
            | "غدا"
    )
}

/// Words in front of a count that point into the future ("in 2 hours", "dans 2 heures").
pub(crate) fn future_prefix(w: &str) -> bool {
    matches!(
        w,
        "in" | "within"
            | "dans"
            | "en"
            | "em"
            | "tra"
            | "fra"
            | "binnen"
            | "dentro"
            | "daqui"
            | "через"
            | "za"
    )
}

/// Words after a count that point into the future ("2 hours from now", "2 hours later").
pub(crate) fn future_suffix(w: &str) -> bool {
    matches!(
        w,
        "hence" | "later" | "plus" | "despues" | "spater" | "depois" | "dopo" | "sonra" | "lagi"
    )
}

/// Words that make a phrase vague ("recently", "a while ago").
pub(crate) fn vague_word(w: &str) -> bool {
    matches!(
        w,
        "recently"
            | "lately"
            | "while"
            | "sometime"
            | "ages"
            | "long"
            | "earlier"
            | "several"
            | "many"
            | "recemment"
            | "longtemps"
            | "recientemente"
            | "давно"
            | "dawno"
            | "nemreg"
            | "kurzlich"
            | "neulich"
            | "unlangst"
            | "recentemente"
            | "pouco"
            | "poco"
            | "tempo"
            | "tiempo"
            | "temps"
            | "kurzem"
            | "zeit"
            | "onlangs"
            | "plusieurs"
            | "varios"
            | "varias"
            | "vari"
            | "mehrere"
            | "vorhin"
            | "недавно"
            | "niedawno"
            | "nedavno"
            | "nylig"
            | "nyligen"
    )
}

/// Reading-time words around a count ("2 min read", "Lesezeit 3 Min.").
pub(crate) fn reading_word(w: &str) -> bool {
    matches!(
        w,
        "read"
            | "reading"
            | "reads"
            | "listen"
            | "listening"
            | "watch"
            | "video"
            | "lecture"
            | "lectura"
            | "lettura"
            | "leitura"
            | "lesezeit"
            | "lesedauer"
            | "lesen"
            | "leestijd"
            | "czytania"
            | "cteni"
            | "okuma"
            | "lesetid"
            | "lastid"
            | "lukuaika"
            | "baca"
            | "чтения"
            | "чтение"
            | "читання"
    )
}

/// Which label a lead-in word gives ("Published", "Updated", "Mis à jour", "Stand").
pub(crate) fn label_word(w: &str) -> Option<super::Label> {
    use super::Label;
    Some(match w {
        "published" | "posted" | "created" | "date" | "dated" | "released" | "publication"
        | "publie" | "publiee" | "publicado" | "publicada" | "veroffentlicht" | "erschienen"
        | "erstellt" | "datum" | "pubblicato" | "pubblicata" | "fecha" | "data"
        | "gepubliceerd" | "geplaatst" => Label::Published,
        "updated" | "modified" | "edited" | "revised" | "update" | "modifie" | "modifiee"
        | "actualizado" | "actualizada" | "actualizacion" | "modificado" | "modificada"
        | "aktualisiert" | "geandert" | "stand" | "atualizado" | "atualizada" | "atualizacao"
        | "aggiornato" | "aggiornata" | "aggiornamento" | "modificato" | "modifica"
        | "bijgewerkt" | "aangepast" => Label::Updated,
        _ => return other_label(w),
    })
}

/// Lead-in words of the other languages ("Opublikowano", "Обновлено", "Güncelleme",
/// "Diperbarui", "Δημοσίευση", "تحديث").
fn other_label(w: &str) -> Option<super::Label> {
    // Latin-script words and words of other scripts are looked up apart: most words on a line
    // are ASCII and never need the second table.
    if !w.is_ascii() {
        return other_label_script(w);
    }
    Some(match w {
        "publicerad" | "publicerat" | "publiceret" | "publisert" | "julkaistu" | "megjelent"
        | "publikalva" | "opublikowano" | "dodano" | "publikacja" | "publikovano" | "vydano"
        | "zverejneno" | "publikovane" | "publicat" | "postat" | "yayinlanma" | "yayin"
        | "olusturulma" | "giris" | "tarih" | "diterbitkan" | "dipublikasikan" | "terbit"
        | "tanggal" | "objavljeno" | "paskelbta" | "publikuota" | "publicets" | "avaldatud" => {
            super::Label::Published
        }
        "uppdaterad" | "gewijzigd" | "uppdaterat" | "opdateret" | "oppdatert" | "paivitetty"
        | "frissitve" | "frissites" | "guncellenme" | "aktualizacja" | "zaktualizowano"
        | "aktualizovano" | "aktualizovane" | "actualizat" | "actualizare" | "guncelleme"
        | "guncellendi" | "diperbarui" | "diperbaharui" | "dikemaskini" | "azurirano" => {
            super::Label::Updated
        }
        "actualitzat" | "actualitzada" | "atnaujinta" | "atjaunots" | "atjauninats"
        | "uuendatud" | "muudetud" | "posodobljeno" | "updates" => super::Label::Updated,
        // Basque, Albanian, Welsh, Irish, Maltese, Icelandic, Swahili, Hausa and Tagalog.
        "argitaratua" | "argitaratuta" | "argitalpena" | "publikuar" | "publikuara"
        | "cyhoeddwyd" | "foilsithe" | "ippubblikat" | "birt" | "birtist" | "imechapishwa"
        | "ilichapishwa" | "wallafa" | "publish" | "inilathala" | "nailathala" => {
            super::Label::Published
        }
        "eguneratua" | "eguneratuta" | "eguneraketa" | "perditesuar" | "perditesimi"
        | "diweddarwyd" | "nuashonraithe" | "aggornat" | "uppfaert" | "ilisasishwa"
        | "imesasishwa" | "sabunta" => super::Label::Updated,
        _ => return None,
    })
}

/// Lead-in words written in Cyrillic, Greek, Arabic, Hebrew and Devanagari.
fn other_label_script(w: &str) -> Option<super::Label> {
    Some(match w {
        "опубликовано"
        | "опубликован"
        | "дата"
        | "опубліковано"
        | "δημοσιευση"
        | "δημοσιευθηκε"
        | "δημοσιευτηκε"
        | "نشر"
        | "تاريخ"
        | "بتاريخ"
        | "تاریخ"
        | "परकाशित"
        | "পরকাশিত"
        | "পরকাশ"
        | "పరచురించబడింది"
        | "પરકાશિત"
        | "ਪਰਕਾਸਿਤ"
        | "வெளியிடபபடடது"
        | "публикувано"
        | "публикуван"
        | "פורסם"
        | "апублікавана"
        | "เผยแพร"
        | "เผยแพรเมือ" => super::Label::Published,
        "обновлено"
        | "обновлен"
        | "обновено"
        | "актуализирано"
        | "актуализиран"
        | "изменено"
        | "оновлено"
        | "змінено"
        | "ενημερωση"
        | "ενημερωθηκε"
        | "تحديث"
        | "محدث"
        | "अपडेटेड"
        | "अपडेट"
        | "আপডেট"
        | "হালনাগাদ"
        | "అప‌డేట"
        | "અપડેટ"
        | "ਅਪਡੇਟ"
        | "புதுபபிககபபடடது"
        | "עודכן"
        | "التحديث"
        | "อัปเดต"
        | "עדכון"
        | "абноўлена"
        | "යාවතකාලීන"
        | "อัปเดตลาสุด"
        | "แกไขลาสุด"
        | "แกไข" => super::Label::Updated,
        _ => return None,
    })
}

/// A word after a label that only says what the label is about ("Data publikacji:", "Yayın
/// Tarihi:", "تاريخ النشر"): skipped with the label.
pub(crate) fn label_tail(w: &str) -> bool {
    matches!(
        w,
        "publikacji"
            | "aktualizacji"
            | "dodania"
            | "publikace"
            | "aktualizace"
            | "tarihi"
            | "publicarii"
            | "actualizarii"
            | "publicacion"
            | "publicacao"
            | "pubblicazione"
            | "publication"
            | "publikasi"
            | "publicering"
            | "publikationsdato"
            | "публикации"
            | "обновления"
            | "публікації"
            | "النشر"
            | "انتشار"
            | "التحديث"
            | "δημοσιευσησ"
            | "ενημερωσησ"
    )
}

/// The words of `label_tail` that make the label an update ("Data aktualizacji").
pub(crate) fn label_tail_updated(w: &str) -> bool {
    matches!(
        w,
        "aktualizacji" | "aktualizace" | "actualizarii" | "обновления" | "التحديث" | "ενημερωσησ"
    )
}

/// Whether a word is written in Thai (whose dates count years from 543 BC).
pub(crate) fn thai(w: &str) -> bool {
    w.chars().next().is_some_and(super::lexer::is_thai)
}

/// Words that name the year after a year number ("2025 г.", "2025 года", "2025 r.", "2025 roku",
/// "2025 yılı", the Lithuanian "2025 m." and the Latvian "2025. gada").
pub(crate) fn year_word(w: &str) -> bool {
    matches!(
        w,
        "г" | "года"
            | "году"
            | "р"
            | "року"
            | "r"
            | "roku"
            | "yili"
            | "ετουσ"
            | "m"
            | "gada"
            // Basque writes the year's case ending on it: "2025eko martxoaren 3a", "2026ko".
            | "eko"
            | "ko"
            // Kazakh "ж." (жыл, year): "2025 ж. 3 нау.".
            | "ж"
            // Burmese "ခုနှစ်" (year): "၂၀၂၅ ခုနှစ် မတ်လ ၃ ရက်".
            | "ခုနှစ"
    )
}

/// Small words that may stand around a date without making the text something else
/// ("on Monday", "le 3 mars", "el lunes", "am 12. März").
pub(crate) fn filler(w: &str) -> bool {
    matches!(
        w,
        "on" | "the"
            | "at"
            | "le"
            | "la"
            | "l"
            | "el"
            | "il"
            | "lo"
            | "am"
            | "em"
            | "na"
            | "no"
            | "de"
            | "del"
            | "du"
            | "a"
            | "um"
            | "op"
            | "since"
            | "as"
            | "ao"
            | "al"
            | "from"
            | "of"
            | "in"
            | "seit"
            | "depuis"
            | "desde"
            | "dal"
            | "dalle"
            | "den"
            | "pada"
            | "tanggal"
            | "w"
            | "v"
            | "в"
            | "у"
            | "στισ"
            | "في"
            | "г"
            | "года"
            | "r"
            | "roku"
            | "yili"
            | "о"
            | "об"
            | "kl"
            | "klo"
            | "kello"
            | "godz"
            | "pukul"
            | "luc"
            | "ngay"
            | "saat"
            | "alle"
            | "ore"
            | "ora"
            | "الساعة"
    )
}

/// Words that join a date and a time ("at", "à", "a las", "um", "às", "alle", "ore").
pub(crate) fn time_connector(w: &str) -> bool {
    matches!(
        w,
        "at" | "a"
            | "u"
            | "las"
            | "la"
            | "um"
            | "as"
            | "alle"
            | "ore"
            | "om"
            | "t"
            | "kl"
            | "h"
            | "o"
            | "klo"
            | "kello"
            | "godz"
            | "godzina"
            | "v"
            | "ora"
            | "saat"
            | "pukul"
            | "luc"
            | "jam"
            | "в"
            | "у"
            | "о"
            | "об"
            | "στισ"
            | "les"
            | "ob"
            | "kell"
            | "plkst"
            | "الساعة"
            // Persian "ساعت ۱۴:۰۵" (the hour); Hindi "को" (on) after the date.
            | "ساعت"
            | "को"
            // Tamil "அன்று" (on), folded: "3 மார்., 2025 அன்று 2:05 PM".
            | "அனறு"
            | "เวลา"
            // Welsh "am 18:14" (at); the English "am" after a clock time is read before this.
            | "am"
            // Khmer "ម៉ោង ១៤:៣០" and Swahili "saa 14:30" (the hour).
            | "មោង"
            | "saa"
    )
}

/// Now-like single words ("now", "maintenant", "jetzt", "agora", "adesso", "ahora").
pub(crate) fn now_word(w: &str) -> bool {
    matches!(
        w,
        "now"
            | "maintenant"
            | "ahora"
            | "jetzt"
            | "soeben"
            | "agora"
            | "adesso"
            | "ora"
            | "nu"
            | "zojuist"
            | "nyss"
            | "nettopp"
            | "teraz"
            | "acum"
            | "сейчас"
            | "щойно"
            | "τωρα"
            | "เมือสักครู"
            | "الان"
    )
}

/// Words for moments ("moments ago", "un instant", "un momento").
pub(crate) fn moment_word(w: &str) -> bool {
    matches!(
        w,
        "moment"
            | "moments"
            | "instant"
            | "instants"
            | "momento"
            | "momentos"
            | "momenti"
            | "istante"
            | "istanti"
            | "augenblick"
            | "augenblicken"
            | "ogenblik"
            | "instantes"
            | "لحظات"
            | "لحظة"
            | "لحظه"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_names_all_twelve_months() {
        let languages = [
            "january february march april may june july august september october november december",
            "janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre",
            "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
            "januar februar marz april mai juni juli august september oktober november dezember",
            "janeiro fevereiro marco abril maio junho julho agosto setembro outubro novembro dezembro",
            "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
            "januari februari maart april mei juni juli augustus september oktober november december",
            "januari februari mars april maj juni juli augusti september oktober november december",
            "januar februar marts april maj juni juli august september oktober november december",
            "stycznia lutego marca kwietnia maja czerwca lipca sierpnia wrzesnia pazdziernika listopada grudnia",
            "ledna unora brezna dubna kvetna cervna cervence srpna zari rijna listopadu prosince",
            "ianuarie februarie martie aprilie mai iunie iulie august septembrie octombrie noiembrie decembrie",
            "ocak subat mart nisan mayis haziran temmuz agustos eylul ekim kasim aralik",
            "januari februari maret april mei juni juli agustus september oktober november desember",
            "tammikuuta helmikuuta maaliskuuta huhtikuuta toukokuuta kesakuuta heinakuuta elokuuta syyskuuta lokakuuta marraskuuta joulukuuta",
            "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
            "январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь",
            "січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня",
            "ιανουαριου φεβρουαριου μαρτιου απριλιου μαιου ιουνιου ιουλιου αυγουστου σεπτεμβριου οκτωβριου νοεμβριου δεκεμβριου",
            "يناير فبراير مارس ابريل مايو يونيو يوليو اغسطس سبتمبر اكتوبر نوفمبر ديسمبر",
            "sausio vasario kovo balandzio geguzes birzelio liepos rugpjucio rugsejo spalio lapkricio gruodzio",
            "janvari februari marta aprili maija junija julija augusta septembri oktobri novembri decembri",
            "jaanuar veebruar marts aprill mai juuni juuli august september oktoober november detsember",
            "januarja februarja marca aprila maja junija julija avgusta septembra oktobra novembra decembra",
            "janar shkurt mars prill maj qershor korrik gusht shtator tetor nentor dhjetor",
            "yanvar fevral mart aprel may iyun iyul avqust sentyabr oktyabr noyabr dekabr",
            "јануара фебруара марта априла маја јуна јула августа септембра октобра новембра децембра",
            "қаңтар ақпан наурыз сәуір мамыр маусым шілде тамыз қыркүйек қазан қараша желтоқсан",
            "জানুযারি ফেবরুযারি মারচ এপরিল মে জুন জুলাই আগসট সেপটেমবর অকটোবর নভেমবর ডিসেমবর",
            "იანვარი თებერვალი მარტი აპრილი მაისი ივნისი ივლისი აგვისტო სექტემბერი ოქტომბერი ნოემბერი დეკემბერი",
            "urtarrilaren otsailaren martxoaren apirilaren maiatzaren ekainaren uztailaren abuztuaren irailaren urriaren azaroaren abenduaren",
            "jannar frar marzu april mejju gunju lulju awwissu settembru ottubru novembru dicembru",
            "janairu fabrairu maris afrilu mayu yuni yuli agusta satumba oktoba nuwamba disamba",
            "amajjii guraandhala bitootessa eebila caamsaa waxabajjii adoolessa hagayya fulbaana onkoloolessa sadaasa muddee",
            "студзеня лютага сакавіка красавіка мая чэрвеня ліпеня жніўня верасня кастрычніка лістапада снежня",
            "ජනවාරි පෙබරවාරි මාරතු අපරේල මැයි ජූනි ජූලි අගෝසතු සැපතැමබර ඔකතෝබර නොවැමබර දෙසැමබර",
            "ဇနနဝါရီ ဖေဖောဝါရီ မတ ဧပြီ မေ ဇွန ဇူလိုင ဩဂုတ စကတငဘာ အောကတိုဘာ နိုဝငဘာ ဒီဇငဘာ",
            "ខែមករា កុមភៈ មីនា មេសា ឧសភា មិថុនា កកកដា សីហា កញញា តុលា វិចឆិកា ខែធនូ",
            "հունվարի փետրվարի մարտի ապրիլի մայիսի հունիսի հուլիսի օգոստոսի սեպտեմբերի հոկտեմբերի նոյեմբերի դեկտեմբերի",
        ];
        for names in languages {
            let got: Vec<Option<u8>> = names.split(' ').map(month_after_day).collect();
            let want: Vec<Option<u8>> = (1..=12).map(Some).collect();
            assert_eq!(got, want, "{names}");
        }
    }

    #[test]
    fn every_language_names_all_seven_weekdays() {
        let languages = [
            "monday tuesday wednesday thursday friday saturday sunday",
            "lundi mardi mercredi jeudi vendredi samedi dimanche",
            "lunes martes miercoles jueves viernes sabado domingo",
            "montag dienstag mittwoch donnerstag freitag samstag sonntag",
            "segunda terca quarta quinta sexta sabado domingo",
            "lunedi martedi mercoledi giovedi venerdi sabato domenica",
            "poniedzialek wtorek sroda czwartek piatek sobota niedziela",
            "pazartesi sali carsamba persembe cuma cumartesi pazar",
            "senin selasa rabu kamis jumat sabtu minggu",
            "mandag tisdag onsdag torsdag fredag lordag sondag",
            "luni marti miercuri joi vineri sambata duminica",
            "понедельник вторник среда четверг пятница суббота воскресенье",
            "δευτερα τριτη τεταρτη πεμπτη παρασκευη σαββατο κυριακη",
            "الاثنين الثلاثاء الاربعاء الخميس الجمعة السبت الاحد",
        ];
        for names in languages {
            let got: Vec<Option<(u8, bool)>> = names.split(' ').map(weekday).collect();
            let want: Vec<Option<(u8, bool)>> = (0..7).map(|d| Some((d, true))).collect();
            assert_eq!(got, want, "{names}");
        }
    }

    #[test]
    fn compact_units_are_marked() {
        assert_eq!(unit("h"), Some((Unit::Hour, true)));
        assert_eq!(unit("m"), Some((Unit::Minute, true)));
        assert_eq!(unit("mo"), Some((Unit::Month, true)));
        assert_eq!(unit("hours"), Some((Unit::Hour, false)));
        assert_eq!(unit("monkeys"), None);
    }
}
