/**
 * Is a message Urdu? In Urdu script the letters say so. Roman Urdu shares its letters with English, so it is known
 * by its words: the verbs and little words English never uses ("karo", "dikhao", "mita do", "ho gaya", "mein",
 * "hai"), with weaker signs counted for less ("ka", "ko", "kal", names of days that are English words too).
 */

/** Letters of the Arabic script (Urdu's): the share of them among all letters. */
function arabicShare(message: string): number {
  const letters = message.match(/\p{L}/gu) ?? [];
  if (letters.length === 0) return 0;
  return letters.filter((c) => /\p{Script=Arabic}/u.test(c)).length / letters.length;
}

/** Urdu script: certain when most letters are Arabic-script ones, likely when some are ("task 3 مکمل کرو"). */
export function detectUrduScript(message: string): number {
  const share = arabicShare(message);
  return share >= 0.5 ? 1 : share > 0 ? 0.6 : 0;
}

const STRONG = new Set(
  (
    'karo kro kardo krdo karein karen karain kijiye kijie dikhao dikhaao dikhado dikhaen dikhayen dikhaiye dikhain ' +
    'dekhao batao batado bataen bataiye mita mitao mitado mitaa hata hatao hatado nikal nikalo nikaldo daal daalo ' +
    'dalo daaldo likho likhdo likh hai hain mein mujhe mujhay mujhay mera meri mere apni apna apne kya kia kaun ' +
    'kitne kitnay saare sare saari tamam tamaam kaam wala wali wale waala waali naam badal badlo rakho rakhdo rakh ' +
    'gaya gayi gaye gya gyi hogaya hogayi chuka chuki chuke liya diya nahi nahin haan haanji jee shukriya shukria ' +
    'salam salaam assalam assalamualaikum alaikum khuda hafiz madad baqi baaqi baki baaki mukammal khatam dobara ' +
    'dubara wapas abhi bhi kuch parson agle aglay agla agli mangal budh jumeraat jumma itwar baje bajay subah ' +
    'shaam dopahar raat yaad dilana zaroorat zarurat yaar inhein dono pehla pehli doosra doosri dusra teesra ' +
    'aakhri akhri shamil shaamil karna karni jana jaana lena leni dena kholo khol hua hui theek thik'
  ).split(' '),
);
/** Urdu words that are also English words or names: a sign only together with others. */
const WEAK = new Set(
  'ka ki ke ko se kal aaj aj peer pir aur ji tak par pe ye yeh woh kar ghar bhai maine main hum'.split(' '),
);

/**
 * Roman Urdu: likely with one strong word or two weak ones ("doodh add karo", "kal bank jana"), a faint sign with
 * one weak word (which the previous message's language may outweigh), none in Urdu script.
 */
export function detectRomanUrdu(message: string): number {
  if (arabicShare(message) >= 0.5) return 0;
  let points = 0;
  for (const w of message.toLowerCase().match(/[a-z]+/g) ?? []) {
    if (STRONG.has(w)) points += 2;
    else if (WEAK.has(w)) points += 1;
    // Infinitives name tasks: "khareedna", "bhejni".
    else if (/^[a-z]{3,}(?:na|ni)$/.test(w)) points += 0.5;
  }
  if (points >= 2) return Math.min(0.95, 0.7 + 0.05 * points);
  return points >= 1 ? 0.3 : 0;
}
