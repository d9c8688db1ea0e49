/**
 * 1,500 common, inoffensive English words of 3–8 lower-case letters for passphrases: the
 * words of the EFF large diceware list that are most frequent in everyday English (ranked by
 * the zxcvbn-ts English frequency list), with names, brands and words about violence,
 * illness, crime, religion, politics, the body or relationships removed by hand.
 * About 10.5 bits per word. Imported only by passphrase.ts, which the popup loads lazily.
 */
export const WORDS: readonly string[] = (
  'ability able abroad absence absolute absurd accent account accurate acid acquire acting action activate active activity actress ' +
  'acts affected afford aged agency agenda agreed agreeing ahead aim alarm album aliens alike alive almost alright although altitude ' +
  'always amber ambition among amount amusing anchor ancient animal another anybody anyhow anymore anyone anything anytime anyway ' +
  'anywhere appear appetite applause apple applied apply approach approval approve april area arena argue around arrange arrival ' +
  'arrive art ashamed ashes aside asleep aspect attempt attic attitude auction audience audio audition august author avenge avenue ' +
  'average avoid await award aware awhile babbling backed backing backpack backup backyard bacon badge badly baggage baked bakery ' +
  'baking balance balcony banana banker barbecue barge barn barrel barrier basis basket batch bath battery blade blah blank blend ' +
  'bless blog bluff boat boil bolt bonus book booth boots boring both bottle bounce bouncing boxer breeze brick bright bring broker ' +
  'broom brought brunch brush bubble bucket budget buffalo bulb bunch bunny bush buzz cable cake calm camera camping campus canal ' +
  'cancel candle candy cane cannot canyon capable capacity cape capital capsule capture caravan carbon cardinal cargo caring ' +
  'carnival carried carrot carry cartoon case cash catching cattle cause causing caution cautious cavalry cement ceremony chain ' +
  'chair chamber champion chance change channel chapter charging charity charm charter chase chasing chatter chatting cheer cheese ' +
  'chef chess chewing chief childish chili chill chip chirping choice choosing chop chosen cinema circle circus city civil claim ' +
  'clapping class claw clay clean clear clerk clever climate clinking clip clock clone clothes clothing cloud coach coat coconut ' +
  'coffee cold collar colony come comfort comic coming comment common company compare compound computer concept concert concrete ' +
  'confirm confront confused congrats console constant consult contact contents contest context control cope copper copy corner ' +
  'correct corridor cosmic cost cottage cotton couch could counting country county courier cover cozy crane crate crawling create ' +
  'creation creative creature credit crib cricket crop cross crowd crown crucial crust crystal cultural culture cure curry curtain ' +
  'curve customs cut cycle daily dance dancing dares dash data dawn daylight dealer dealing dealt debate decade december decency ' +
  'decent deck declared decline deed deeply defense define definite defy degree delay delicate delivery delta dense depth deserve ' +
  'designed designer despite destiny detail detector device devotion dial diary dig dime diner dining dinner directed directly ' +
  'disagree discount discover discuss dish disk dispatch display distance distant distinct distract district divided diving division ' +
  'dock document dodge doing dollar domestic donated donation donor doorbell doorstep down dragging dramatic drank draw dreamt dress ' +
  'drew dried drift drilling dripping driven driver driveway driving drove drum dry during dust duty dynamic each eagle early ' +
  'easiest easily eaten eating eats echo economic economy edge edition editor educated effects effort either elderly eldest elephant ' +
  'elevator eleven elite email embassy emotion employed ended ending endless energy engaged engine enjoying ensure entering entire ' +
  'envelope epic episode equal equation erased errand essay essence estate estimate eternal eternity ethics even everyday everyone ' +
  'exact example exchange exciting excuse exit expand expenses expert explain explore exposure express extended extent fabric ' +
  'fabulous facial facility facing factor fade fading fall false fame familiar family fancy fantasy faster favorite fax feast feed ' +
  'feel fence ferry festival fetch fiction fifteen fifty figure filing filled filling film filter finale finally finance finch ' +
  'finished fit five flame fled flight flint flip float flock flying foam fog folk follow font food footage football foster fountain ' +
  'fox fragile frame freedom freely freezing fresh friday fridge fried friend from front frozen fruit gaining gallery game gap ' +
  'garage garden garlic gas gave gear generous gently gesture getaway getting giant gift gigantic giggling given giving gladly ' +
  'glance glass glimpse glorious glory glove glowing glue goal goes going golf gone gong good gorgeous gotten gown gracious graduate ' +
  'grain grandson grant grasp grass gravity gravy gray green greeting grew grid grill grip ground growing guidance guide gulf guy ' +
  'had half halt handed handful handled handling happier happiest happily happy harbor hardly hardware harmless harmony harvest ' +
  'haven headed heading heap heat heavily helmet helpful helping helpless hence herbs heritage herself hesitate hug hull human ' +
  'humble humming hunter hurry hush hut ice identify identity ignore illusion image immortal improve impulse iron issue item ivy ' +
  'jacket jam january jazz jeep jelly jersey jet jingle job joining jolly juice juicy july jump june junior justice justify karaoke ' +
  'karate karma keep kept kettle kindly kindness kitchen kite kitten kitty ladder lake landed landing language laptop large last ' +
  'late launch laundry left legacy legal legend lemon lend length lens lent letter level leverage liberty library lid life lifting ' +
  'likely liking limit line lining linked lion liquid list little lived lively living lizard luckily lure luxury lyrics machine ' +
  'magazine magical magician magnetic majority maker making managing mankind manual many map march marina marine matching material ' +
  'math matter maximum maybe mobile monday monitor monsieur monthly mop morse most motion motive motor motto mountain mouse move ' +
  'movie moving much mud mug multiple museum mushroom music mustard mute mutual myself myth nail name narrow national native natural ' +
  'nature navy nearby nearest nearly nest net never next nickname ninja ninth number numerous nursery oak object obliged obstacle ' +
  'obtain obvious ocean october octopus oil okay old olive onboard ongoing onion online only onto oops open operate operator ' +
  'opponent opposite other ouch ought ounce outcome outer outfit outsider oven overall overcome overhead overtime owl oxygen palm ' +
  'paper parade pardon parking parlor parrot partner party passage passing passion passport pasta path patience patrol paycheck ' +
  'paying payment payroll peculiar pencil pending pension percent perfume petition petty phoenix photo phrase plant plasma plastic ' +
  'platform player playful playing pledge plenty plot plug plus pod poem poet pointed pointing policy polish pond pony popcorn poppy ' +
  'popular pork porridge portal portion possible possibly posted poster pound pouring power precinct precise predict premises press ' +
  'presume pretty prevent previous primary print prior privacy private prize probably probe problem process produce product profile ' +
  'profound program progress properly property proposal propose proud proved proven provided proving public pull pulse puppet puppy ' +
  'purchase purely purple purse pursuit pushing puzzle pyramid quality quantum quarters quickly quiet quit quote racing rack radar ' +
  'radio raft railroad railway rally ranch random ranger rare rascal raven reach reaction reactor reason rebel reborn rebuild recall ' +
  'recent record recovery refuse refusing regain region register regular related relation relative relax relay release reliable ' +
  'relieve rely remember reminder remote removed removing rental rented repair repeated replace reply reporter request require ' +
  'research reset resident resigned resolved resort respect result resume retired retreat return reunion reveal reverse reward rhyme ' +
  'ribbon rice ride riding rise rising risk rival roast robe rocket rocking rocky rope routine rubber rubbing rug rule rumbling ' +
  'rumor runner running runway rush safely said sake salad salary salon salt salute same sample satisfy saturday saved savings ' +
  'savior say scale scanner scarf schedule scheme science scoop scooter scope scored scrap scratch screen script second secrecy ' +
  'secret sector security selected self semester send senior sequence series serve service serving sessions setting settle settling ' +
  'setup seventh shack shadow shaft shaking shallow shape share sharply shed sheep sheet shelf shell shelter shield shine shining ' +
  'shiny ship shirt shopping shore shortcut shorter shortly shout shower showing shown shrimp shrine shrink shy sighing silent silk ' +
  'silly silver simple simply sincere singer singing single sip sitting sixth size skating sketch skies skilled slam sleep sleeve ' +
  'slept slick slightly slip slot small smell smile smoked smooth snack snap sniff snoring speak species speech speed spending spent ' +
  'spider spill spinning splendid spoken sponge sponsor spoon sports spotted spray spring squad squeeze stable stack stadium staff ' +
  'stage stamp stand staring stark starting state static statue status stays steam steep steering stem step stereo stew stick stir ' +
  'stock stood stopped stopping storage storm stove stranger strategy straw stray streak stream street strength stress stretch ' +
  'strict striking strongly struggle stuck student studied studio study stuffed stunning stunt subject subtitle subway such sudden ' +
  'sugar suggest suitable suitcase superior supper supply support supreme surely surface surprise survey survival survive sushi ' +
  'sweep swell swept swimming swinging switch swore sworn sympathy syrup system tables tablet tackle tactical tactics tag take ' +
  'taking tall tank tapping task taste tasty thank that theater thee theme these thing think thirsty thirty those thousand thread ' +
  'thrill throwing thud thursday thus tidy tiger tightly till timing tiny tipped tissue trace track tractor trade trading traffic ' +
  'train transfer travel tray treat tree triangle tribute tricky tried triumph trophy trouble truce truck trusting truth try tuesday ' +
  'tuition turf turtle tutor twelve twenty twice twins tying ultimate umbrella unable unaware unfair union unit universe unknown ' +
  'unless unlocked unstable untie until unusual upbeat update upgrade upon upper upside upstairs urban urgent used usual utter ' +
  'vacation valid valley value vanilla variety various venture venue verify verse version versus very vessel vest veteran vicinity ' +
  'victory video village vintage violet violin virtual visa visible vision visiting visitor voice voyage wages wagon wake waking ' +
  'walk wanted wanting washed washing wasting watch water waving wheat whenever whoever whole whoops why willing willow wind wing ' +
  'winner winter wipe wired wisdom wise wish wizard wolf wool word work worry wow writing written yard yeah yield yoga yogurt yummy ' +
  'zero zone'
).split(' ');
