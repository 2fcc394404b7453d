/**
 * Stop words for ru/uk/en, written for short customer texts: function words, pronouns, common verbs
 * that say nothing about the topic (быть, мочь, сказать, have, get), intensifiers (очень, дуже, very),
 * politeness (здравствуйте, дякую, thanks) and numerals written as words. Words that name what went
 * wrong (ждать, работает, грязно, rude) are deliberately absent, and so are negations: they are kept
 * apart (see `negationOf`) because «не работает» is the complaint.
 */

export type StopLanguage = "ru" | "uk" | "en";

const words = (s: string): ReadonlySet<string> => new Set(s.split(/\s+/).filter(Boolean));

const ru = words(`
я меня мне мной мною ты тебя тебе тобой он его него ему нему им ним нем она ее нее ей ней ею нею оно
мы нас нам нами вы вас вам вами они их них ими ними себя себе собой сам сама само сами самого самой самому
самим самих свой своя свое свои своего своей своему своим своих своими свою мой моя мое мои моего моей
моему моим моих моими мою твой твоя твое твои твоего твоей наш наша наше наши нашего нашей нашему нашим
наших нашими нашу ваш ваша ваше ваши вашего вашей вашему вашим ваших вашими вашу этот эта это эти этого
этой этому этим этих этими эту тот та то те того той тому тем тех теми ту такой такая такое такие
такого таким таких такую таком весь вся все всего всей всему всем всех всеми всю каждый каждая каждое
каждого каждой каждому кто кого кому кем ком что чего чему чем какой какая какое какие какого каким
каких какую каком который которая которое которые которого которой которому которым которых которую
которыми котором чей чья чье чьи кто-то что-то кое-что что-нибудь кто-нибудь какой-то какая-то какие-то
где-то когда-то почему-то как-то ничего никто ничто никого нечего никакой никакого никаких некоторые
некоторых другой другая другое другие другого других другим раз
один одна одно одни одного одной одному два две двух три трех четыре пять шесть семь восемь девять десять
двадцать тридцать сорок пятьдесят сто двести триста тысяча тысячи полтора полчаса
в во на с со к ко по о об обо от до из за у для без под над при про через между перед около после
возле вокруг среди вместо кроме из-за из-под ради мимо насчет вроде типа
и а но или либо да чтобы чтоб если когда как так также тоже потому поэтому хотя хоть пока будто ибо
зато однако причем т
же ж ли бы б вот вон ведь уж уже еще даже лишь только именно разве неужели пусть ну ага ой ах эх ох
очень там тут здесь где куда откуда туда сюда почему зачем тогда потом сейчас теперь всегда иногда
опять снова вообще просто совсем почти вполне довольно слишком чуть много мало более менее больше
меньше лучше сразу затем наконец кстати конечно наверное действительно реально например буквально
абсолютно примерно вообще-то
быть был была было были будет будут буду будем будете будешь есть является являются стать стал стала
стало стали станет мочь могу может можем можете могут мог могла могли можно нельзя нужно нужен нужна
нужны надо хочу хочет хотим хотите хотят хотел хотела хотели хотелось сказать сказал сказала сказали
говорит говорят говорил говорила говорили сделать сделал сделала сделали делать иметь имеет думаю
считаю кажется видимо пожалуй
здравствуйте здрасте привет спасибо благодарю благодарим пожалуйста извините простите уважаемые
уважаемый уважением заранее свидания
`);

const uk = words(`
я мене мені мною ти тебе тобі тобою він його нього йому ньому ним нім вона її неї їй ній нею воно ми
нас нам нами ви вас вам вами вони їх них їм ними себе собі собою сам сама само самі самого самої свій
своя своє свої свого своєї своєму своїм своїх своїми свою мій моя моє мої мого моєї моєму моїм моїх мою
твій твоя твоє твої наш наша наше наші нашого нашої нашому нашим наших нашу ваш ваша ваше ваші вашого
вашої вашому вашим ваших вашу цей ця це ці цього цієї цьому цим цих цю цими той та те ті того тієї
тому тим тих ту тими такий така таке такі такого такої такому таким таких таку весь вся все всі усе
усі всього всієї всьому всім всіх усього усім усіх кожен кожна кожне кожного кожної хто кого кому ким
що чого чому чим який яка яке які якого якої якому яким яких яку якими чий чия чиє чиї щось хтось
якийсь якась якісь десь колись чомусь якось нічого ніхто ніщо нікого ніякий ніякого деякі інший інша
інше інші іншого іншої інших іншим раз ніж
один одна одне одні одного одної одному два дві двох три трьох чотири п'ять шість сім вісім дев'ять десять
двадцять тридцять сорок п'ятдесят сто двісті триста тисяча тисячі півтора пів
в у на з із зі зо по о об від од до за для без під над при про через між перед біля після навколо
серед замість крім окрім разом заради повз щодо завдяки
і й та а але або чи щоб якщо коли як так також теж бо адже хоча хоч поки ніби наче проте однак зате
тобто ані
ж же б би ось от вже уже ще навіть лише тільки лиш саме хіба невже нехай хай ну ага ой ех ох
дуже там тут де куди звідки туди сюди звідти навіщо тоді потім зараз тепер завжди іноді інколи знову
взагалі просто зовсім майже цілком досить занадто надто трохи багато мало більш більше менше краще
одразу відразу нарешті звичайно звісно мабуть напевно дійсно справді реально наприклад буквально
абсолютно приблизно щойно
бути є був була було були буде будуть буду будемо будете будеш стати став стала стало стали стане
можу може можемо можете можуть міг могла могли можна треба потрібно потрібен потрібна потрібні хочу
хоче хочемо хочете хочуть хотів хотіла хотіли хотілося сказати сказав сказала сказали каже кажуть
казав казали говорить говорять зробити зробив зробила зробили робити мати маю має маємо мають мав
мала мали думаю вважаю здається
здрастуйте вітаю привіт дякую дякуємо спасибі будь ласка вибачте перепрошую шановні шановний повагою
заздалегідь побачення
`);

const en = words(`
a an the i me my mine myself we us our ours ourselves you your yours yourself yourselves he him his
himself she her hers herself it its itself they them their theirs themselves this that these those who
whom whose which what whatever where when why how there here then than so such as if because since
while until though although unless whether and or but either neither both each every all any some few
many much more most less least other another same own only just also too very really quite rather
still even ever again already yet soon now later always often sometimes usually once twice
of in on at by for with without about against between into through during before after above below
to from up down out off over under around near across along within upon via per
be am is are was were been being have has had having do does did doing done will would shall should
can could may might must get gets got gotten getting say said says tell told know think seem seems
like well oh ok okay yes yeah hi hello hey dear thanks thank please regards sincerely kindly sir madam
guys thing things something anything everything someone anyone everyone somebody anybody one two three
four five six seven eight nine ten twenty thirty forty fifty hundred thousand half
lot lots bit i'm i've i'd i'll you're you've it's that's there's we're we've they're they've let's
im ive id ill youre thats theres
`);

const lists: Record<StopLanguage, ReadonlySet<string>> = { ru, uk, en };

/** Negations keep their own canonical form: they are not topics, but they start phrases. */
const negations: ReadonlyMap<string, string> = new Map([
  ["не", "не"],
  ["ни", "не"],
  ["ні", "не"],
  ["нет", "нет"],
  ["немає", "нема"],
  ["нема", "нема"],
  ...`not no never cannot don't doesn't didn't isn't aren't wasn't weren't haven't hasn't hadn't won't
    wouldn't can't couldn't shouldn't mustn't dont doesnt didnt isnt arent wasnt werent havent hasnt
    wont wouldnt cant couldnt shouldnt`
    .split(/\s+/)
    .filter(Boolean)
    .map((w): [string, string] => [w, "not"]),
]);

/** Conjunctions and subordinators: a phrase never runs across them («грязно и | хамят»). */
const phraseBreakers = words(`
и а но или либо да что чтобы потому поэтому если когда хотя который которая которое которые
і й та але або чи що щоб бо тому якщо коли хоча який яка яке які
and but or nor that which who because if when since while although so
`);

/** Greetings and thanks that are two ordinary words together («добрый день», "thank you"). */
const stopPairs = words(
  `добрый_день добрый_вечер доброе_утро доброго_дня доброго_времени хорошего_дня всего_доброго
   доброй_ночи добрий_день добрий_вечір доброго_ранку доброго_вечора добрий_ранок гарного_дня
   все_добре good_morning good_afternoon good_evening good_day thank_you`,
);

const cyrillicStop = new Set([...ru, ...uk]);

/**
 * Is `word` (normalised, lower-case) a stop word? Cyrillic words are checked against both the Russian and
 * the Ukrainian list, since customers mix the two within one text.
 */
export const isStopWord = (word: string, lang: StopLanguage): boolean =>
  lang === "en" ? en.has(word) : cyrillicStop.has(word);

/** The stop-word list of one language. */
export const stopWords = (lang: StopLanguage): ReadonlySet<string> => lists[lang];

/** The canonical form of a negation («не», «нема», "not"), or undefined for any other word. */
export const negationOf = (word: string): string | undefined => negations.get(word);

export const breaksPhrase = (word: string): boolean => phraseBreakers.has(word);

const stopPairFirsts = new Set([...stopPairs].map((p) => p.split("_")[0]!));

/** Whether two adjacent words form a greeting or thanks to be dropped as a whole. */
export const isStopPair = (first: string, second: string): boolean =>
  stopPairFirsts.has(first) && stopPairs.has(`${first}_${second}`);
