using Chatbot.Faq.Dataset;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Chatbot.Faq.Safety;

/// <summary>
/// The exact layer of the safety gate: phrase rules for suicidal or self-harm language and someone else at risk
/// (→ 988 and 911), poisoning and overdose (→ 911 and Poison Control) and medical emergencies described by name or by
/// symptom (→ 911), in English and Spanish.
/// </summary>
/// <remarks>
/// Rules where they are exact: predictable, reviewable and independent of whatever the staff do to the FAQ model. The
/// learned layer (<see cref="SafetyModel"/>) catches what phrase rules cannot enumerate. Misspellings are handled by mapping near-miss words onto a small vocabulary of
/// risk words before the phrase rules run; idioms ("this wait is killing me", "kill time", "dying to know") are
/// removed first. A false alarm costs a patient one extra message; a miss can cost a life, so the rules lean
/// inclusive and their recall and false-positive rate are measured on the test set in the repository.
/// </remarks>
public sealed partial class SafetyRules
{
    private static readonly string[] FuzzyVocabulary =
    [
        "suicide", "suicidal", "suicidally", "myself", "overdose", "overdosed", "overdosing", "unresponsive",
        "breathe", "breathing", "seizure", "seizures", "seizing", "killing", "unconscious", "conscious", "ending",
    ];

    private static readonly (string Name, Regex Pattern)[] CrisisRules =
    [
        ("suicide-word", new(@"\b(suicide|suicidal|suicidally|suicidio|suicidar\w*|unalive\w*)\b", RegexOptions.Compiled)),
        ("harm-myself", new(@"\b(kill+|kil|killing|kills|hurt|hurting|harm|harming|cut|cutting|burn|burning|hang|hanging|shoot|shooting|drown|drowning|poison|poisoning|stab|stabbing|starve|starving|off|offing|end|ending)\s+(my\s*self|myself|meself|himself|herself|themselves|themself)\b|\b(cut|cutting|burn|burning)\s+(again|deeper)\b", RegexOptions.Compiled)),
        ("self-harm", new(@"\bself\s*(harm|harming|injur\w*|mutilat\w*)\b", RegexOptions.Compiled)),
        ("kms", new(@"\b(kms|kmsl)\b", RegexOptions.Compiled)),
        ("want-to-die", new(@"\b(want|wants|wanna|wanting|wanted|going|gonna|ready|wish|wishing|hope|hoping|rather|prefer|deserve|plan|planning|like)\b(\s+\w+){0,3}?\s+(to\s+)?(die|dead|be\s+dead|not\s+exist|disappear\s+forever|be\s+gone\s+forever)\b", RegexOptions.Compiled)),
        ("end-life", new(@"\b(end|ending|ended|take|taking|took)\s+(my|his|her|their)\s+(own\s+)?life\b", RegexOptions.Compiled)),
        ("end-it-all", new(@"\b(end|ending|finish|finishing)\s+(it\s+all|everything|things|it\s+now|it\s+tonight|it\s+for\s+good)\b|\b(want|wanna|going|gonna|ready|planning|plan)\s+to\s+end\s+it\b|\bmake\s+it\s+(all\s+)?stop\s+(for\s+good|forever|permanently)\b|\b(done|finished|tired|sick)\s+(with|of)\s+(life|living|being\s+alive|existing)\b", RegexOptions.Compiled)),
        ("not-want-to-live", new(@"\b(dont|do\s+not|didnt|no\s+longer|not)\s+(want|wanna|wish)\s+(to\s+)?(live|be\s+alive|be\s+here|exist|wake\s+up|go\s+on|keep\s+going|keep\s+living)\b", RegexOptions.Compiled)),
        ("never-wake", new(@"\b(never|not)\s+wak(e|ing)\s+up\b", RegexOptions.Compiled)),
        ("better-off", new(@"\bbetter\s+off\s+(without\s+me|dead|if\s+i\s+(was|were|wasnt|werent)\b)", RegexOptions.Compiled)),
        ("no-reason-to-live", new(@"\b(no|any|whats\s+the|what\s+is\s+the)\s+(reason|point|purpose)\s+(to|in|of)\s+(live|living|life|going\s+on|being\s+alive|anything\s+anymore)\b|\b(no|dont|cant|cannot|not|never|lost|without)\b(\s+\w+){0,3}\s+reason\s+to\s+(live|keep\s+going|go\s+on|be\s+here|stay\s+alive|keep\s+living)\b", RegexOptions.Compiled)),
        ("not-worth-living", new(@"\b(life|living|it)\s+(is\s+|isnt\s+|is\s+not\s+|s\s+)?(not\s+)?worth\s+living\b|\bnot\s+worth\s+living\b|\blife\s+(is\s+)?(pointless|meaningless|hopeless)\b", RegexOptions.Compiled)),
        ("cant-go-on", new(@"\b(cant|cannot|can\s+not)\s+(go\s+on|keep\s+going|take\s+it\s+any\s*more|do\s+this\s+any\s*more|live\s+like\s+this)\b", RegexOptions.Compiled)),
        ("nobody-would-miss", new(@"\b(nobody|no\s+one|noone)\s+(would|will)\s+(miss|care|notice)\b", RegexOptions.Compiled)),
        ("thoughts-of-death", new(@"\b(thoughts?|thinking|think|thought)\s+(about|of)\s+(suicide|dying|death|killing|ending|taking\s+my|hurting\s+myself|harming\s+myself|not\s+being\s+here)\b", RegexOptions.Compiled)),
        ("pills-on-purpose", new(@"\b(take|taking|swallow|swallowing|took)\s+(all|a\s+bunch\s+of|all\s+of)\s+(my|the)\s+(pills|meds|medication|medicine)\b|\b(overdose|od)\s+on\s+purpose\b", RegexOptions.Compiled)),
        ("farewell", new(@"\b(suicide|goodbye)\s+(notes?|letters?)\b|\bgiving\s+(away\s+)?(all\s+)?my\s+(things|stuff|belongings|possessions)(\s+away)?\b|\b(im|i\s+am)\s+(just\s+|such\s+|only\s+)?a\s+burden\b|\b(jump|jumping)\s+(off|from|in\s+front\s+of)\b|\bthinking\s+(about|of)\s+jumping\b", RegexOptions.Compiled)),
        ("i-should-die", new(@"\bi\s+(should|could|would|might|will|wanna|want\s+to|am\s+going\s+to|m\s+going\s+to|gonna|need\s+to|deserve\s+to)\s+(just\s+|rather\s+|really\s+)?(die|be\s+dead)\b|\b(wish|wished)\s+(i|id)\s+(was|were|had|d)?\s*(never|not)\s+(been\s+)?born\b|\bno\s+way\s+out\b|\bexcept\s+death\b", RegexOptions.Compiled)),
        ("want-it-to-end", new(@"\b(want|wish|need|wanting)\s+(it\s+all|everything|it|my\s+life|this\s+life|all\s+of\s+this)\s+to\s+(end|stop|be\s+over)\b|\b(stop\s+existing|cease\s+to\s+exist|not\s+exist\s+any\s*more|stop\s+living)\b|\bgiv(e|ing)\s+up\s+on\s+(life|living|myself|everything)\b", RegexOptions.Compiled)),
        ("life-not-worth-it", new(@"\b(life|living|my\s+life)\s+(is\s+|isnt\s+|s\s+)?(not\s+)?worth\s+(it|living)\b|\b(im|i\s+am)\s+not\s+worth\s+(it|living|saving)\b", RegexOptions.Compiled)),
        ("lethal-means", new(@"\b(pills|much|many|dose)\b(\s+\w+){0,5}\s+(to\s+die|to\s+kill\s+(me|myself|someone)|be\s+lethal|be\s+fatal)\b|\b(lethal|fatal)\s+(dose|amount)\b|\b(plan|planning|want|wanna|going|gonna|thinking\s+about|thinking\s+of)\s+(to\s+)?(overdose|od)\b|\b(slit|slice|slash|cut|cutting)\w*\s+(my|his|her)\s+wrists?\b|\b(going|gonna|about|ready|want|wanna|planning)\s+to\s+jump\b(?!\s+(on|in|at|into|start|ahead|through|the\s+gun|right\s+in))", RegexOptions.Compiled)),
        ("passive-wish", new(@"\b(wish|wishing|hope|hoping|want|wanna|pray|praying)\b(\s+\w+){0,4}\s+(not|never|wouldnt|didnt)\s+(wake|waking)\s+up\b|\b(go\s+to\s+sleep|fall\s+asleep|sleep)\s+(and\s+)?(never|not)\s+wake\b|\bsleep\s+forever\b|\b(disappear|vanish)\w*\s+(forever|for\s+good|permanently|and\s+never)\b|\bwish\s+(i|id)\s+(could\s+|would\s+)?(just\s+)?(disappear|vanish|not\s+exist|not\s+be\s+here|wasnt\s+here|werent\s+here|was\s+gone|were\s+gone|was\s+dead|were\s+dead)\b|\b(not|no\s+longer)\s+(be\s+)?(here|around)\s+any\s*more\b", RegexOptions.Compiled)),
        ("burden", new(@"\b(burden|weight)\s+(to|on|for)\s+(everyone|everybody|my\s+\w+|them|you\s+all|the\s+people)\b|\b(everyone|everybody|they|family|kids|people|world|wife|husband)\b(\s+\w+){0,3}\s+(would\s+be|will\s+be|d\s+be|are|be)\s+better\s+off\b|\bbetter\s+off\s+(without\s+me|gone|if\s+i\s+(was|were)n?t?\s+(here|around|alive))\b", RegexOptions.Compiled)),
        ("no-point", new(@"\b(no|dont\s+see\s+(the|any)|cant\s+see\s+(the|any)|whats\s+the|what\s+is\s+the)\s+(point|reason|use)\s+(in\s+|of\s+)?(living|going\s+on|anything|trying\s+any\s*more|being\s+here|being\s+alive|it\s+all|life|waking\s+up|keep\s+going|continuing|carrying\s+on)\b|\bnothing\s+(left\s+)?to\s+live\s+for\b|\b(cant|cannot|dont)\s+see\s+(a|any)\s+(future|way\s+forward|way\s+out|reason\s+to)\b|\bno\s+(future|hope)\s+for\s+me\b|\bnever\s+going\s+to\s+get\s+better\b(\s+\w+){0,6}\s+(end|die|gone|over)\b", RegexOptions.Compiled)),
        ("preparations", new(@"\b(saving|saved|stockpil\w*|hoard\w*|collect\w*|stash\w*|hiding|hoarding|squirrel\w*)\s+(up\s+)?(all\s+)?(my\s+|of\s+my\s+|some\s+)?(pills|meds|medication|medications|tablets|sleeping\s+pills|painkillers|oxy\w*|prescriptions?)\b|\b(bought|buying|got|getting|have|keep|keeping|loaded|cleaned|cleaning)\s+(a\s+|my\s+|the\s+)?(gun|pistol|rifle|rope|noose)\b(\s+\w+){0,4}\s+(for\s+(myself|me|later|when)|tonight|ready|just\s+in\s+case|in\s+case)\b|\bnoose\b|\b(wrote|writing|write|written|left|leave)\s+(a\s+|my\s+)?(goodbye|farewell|last|final)\s+(note|letter|message|messages|video)\b|\b(wrote|writing|written|updated|finished)\s+(my\s+)?will\b(\s+\w+){0,6}\s+(just\s+in\s+case|before|tonight|goodbye|ready|wont\s+need)\b|\bgiv(e|ing|en)\s+(away\s+)?(all\s+)?(my\s+)?(stuff|things|belongings|possessions|cat|dog|pets|clothes|guitar|books)\s+away\b|\bgiv(e|ing|en)\s+away\s+(all\s+)?my\b|\b(saying|said|say)\s+(my\s+)?(goodbye|goodbyes|bye)\s+to\s+(everyone|everybody|my\s+\w+|people|friends|family)\b|\b(tried|attempted|attempt|tried\s+again)\s+to\s+(kill|end|hang|overdose|od|hurt|take)\b|\b(last|previous|my)\s+(suicide\s+)?attempt\b|\b(suicide|suicidal)\s+attempt\b|\bstopped\s+(myself|me)\s+(from|before)\b|\b(found|have)\s+(a|the)\s+(bridge|spot|place|way)\b(\s+\w+){0,4}\s+(jump|end|do\s+it)\b|\b(researching|looked\s+up|googling|searching|googled|reading\s+about)\s+(how|ways|methods|what)\b(\s+\w+){0,6}\s+(die|kill|lethal|painless|overdose|hang|end\s+it|fatal)\b|\b(painless|quick|easiest|best)\s+(way|ways|method|methods)\s+to\s+(die|go|end\s+it|kill)\b", RegexOptions.Compiled)),
        ("other-person", new(@"\b(he|she|they|son|daughter|kid|child|teen|husband|wife|partner|friend|boyfriend|girlfriend|brother|sister|mom|mother|dad|father|roommate|patient|someone|somebody)\b(\s+\w+){0,6}\s+(said|says|saying|told|tells|texted|posted|keeps\s+saying|threaten\w*|talk\w*\s+about|wrote|is\s+going\s+to|gonna|wants?|tried|trying)\b(\s+\w+){0,6}\s+(to\s+)?(kill\s+(himself|herself|themselves|themself)|end\s+(his|her|their)\s+(own\s+)?life|die|suicide|not\s+be\s+here|be\s+dead|hurt\s+(himself|herself|themselves))\b", RegexOptions.Compiled)),
        ("slang", new(@"\b(sewer\s*slide|sui\s*cide|self\s*delete|self\s*deleting|unalive\w*|kys|kms|commit\s+(die|not\s+alive)|end\s+my\s+(game|run|story|chapter)|rope\s+myself|yeet\s+myself\s+off|delete\s+myself|forever\s+nap|permanent\s+(nap|sleep|solution))\b|\b(gun|pills|rope|knife|noose|grave|coffin)\s+(me|myself|tonight|time|is\s+the\s+answer)\b|\b(me|myself|i\s+want|tonight)\s+(gun|rope|noose|grave|coffin)\b", RegexOptions.Compiled)),
        ("means-emoji", new(@"^(gun|rope|grave|coffin|knife|noose|pills|blood|syringe)(\s+(gun|rope|grave|coffin|knife|noose|pills|blood|syringe|me|myself|tonight|soon|bye|goodbye))*$", RegexOptions.Compiled)),
        ("spanish-passive", new(@"\b(ya\s+)?no\s+(quiero|puedo|tengo\s+ganas\s+de)\s+(seguir\s+)?(vivir|viviendo|despertar|estar\s+aqui|existir|seguir)\b|\bquisiera\s+(no\s+despertar|desaparecer|morir\w*|estar\s+muert\w*|no\s+existir|dormir\s+para\s+siempre)\b|\b(soy|me\s+siento)\s+(una\s+)?carga\b|\b(mejor|estarian\s+mejor)\s+sin\s+mi\b|\bya\s+no\s+(aguanto|puedo\s+mas|soporto)\b|\bno\s+(tiene|le\s+veo)\s+(sentido|caso)\s+(vivir|seguir|la\s+vida)\b|\bacabar\s+con\s+(todo|esto|mi\s+vida)\b|\b(suicid\w*|matarme|quitarme\s+la\s+vida|me\s+quiero\s+morir|quiero\s+morir\w*)\b|\b(me\s+corto|cortarme|me\s+he\s+cortado|hacerme\s+dano|lastimarme|me\s+lastimo)\b|\b(pastillas|pildoras|medicinas)\s+(guardadas|juntadas|escondidas|ahorradas)\b|\b(guardando|juntando|ahorrando)\s+(las\s+|mis\s+)?(pastillas|pildoras)\b|\b(se\s+quiere|quiere|dice\s+que\s+se\s+quiere)\s+(morir|matar|suicidar)\b|\bcarta\s+de\s+despedida\b", RegexOptions.Compiled)),
        ("spanish", new(@"\b(quiero\s+morir\w*|me\s+quiero\s+morir|(ganas\s+de|deseo|quisiera)\s+morir\w*|matarme|quitarme\s+la\s+vida|acabar\s+con\s+mi\s+vida|no\s+quiero\s+vivir|hacerme\s+dano|me\s+voy\s+a\s+matar)\b", RegexOptions.Compiled)),
    ];

    private static readonly (string Name, Regex Pattern)[] PoisoningRules =
    [
        ("overdose", new(@"\b(overdosed|overdosing|oded|od\s+d)\b|\b(i|he|she|they|we|friend|husband|wife|son|daughter|partner|mom|dad|mother|father|boyfriend|girlfriend|brother|sister|roommate|child|kid|baby|someone|somebody|patient)\b(\s+\w+){0,3}\s+(overdose|overdosed|od)\b|\b(took|taken|take|had|used|injected|snorted)\s+(way\s+)?too\s+(much|many)\b(?!\s+(time|money|work|effort|days|hours|minutes|questions|notes|photos))|\btoo\s+many\s+(pills|doses)\b|\b(took|taken|had|used|swallowed)\s+(double|twice|triple|two|three)\s+(my|the|doses|times)\b|\b(swallowed|ate|drank)\s+(my|his|her|some|the|all)\s+(\w+\s+)?(ketamine|pills|meds|medication|lozenges|medicine)\b", RegexOptions.Compiled)),
        ("household-poison", new(@"\b(swallowed|drank|drunk|ate|eaten|ingested|took|had|sipped|licked|chugged|got\s+into|gotten\s+into|into\s+the)\b(\s+\w+){0,4}\s+(bleach|antifreeze|drain\s+cleaner|detergent|tide\s+pods?|laundry\s+pods?|dishwasher\s+pods?|lamp\s+oil|rat\s+poison|pesticide|weed\s+killer|bug\s+spray|cleaning\s+(fluid|stuff|product|spray)|windshield\s+(fluid|washer)|lighter\s+fluid|gasoline|paint\s+thinner|nail\s+polish\s+remover|ammonia|lye|oven\s+cleaner|toilet\s+cleaner|hand\s+sanitizer|button\s+batter\w*|poison)\b|\bmixed\s+(bleach|ammonia)\b|\b(bleach|ammonia|chemical)\s+(fumes|gas)\b|\bpoison(ed|ing)?\b(?!\s+ivy)", RegexOptions.Compiled)),
        ("medicine-quantity", new(@"\b(took|taken|swallowed|had|ate|popped|downed|necked|just\s+took|overdid)\b(\s+\w+){0,2}\s+(\d{2,}|[5-9]|a\s+(whole\s+|full\s+)?(bottle|handful|pack|packet|box|sheet|strip|month)|half\s+a\s+bottle|the\s+whole\s+(bottle|pack|box)|all|twenty|thirty|fifteen|ten|forty|fifty|sixty|hundred|dozen|twelve|eight|nine|double|triple|extra)\b(\s+\w+){0,4}\s+(pills|tablets|tabs|caps|capsules|tylenol|advil|motrin|aleve|aspirin|ibuprofen|acetaminophen|paracetamol|xanax|valium|klonopin|ativan|oxy\w*|percocet|vicodin|hydrocodone|tramadol|codeine|morphine|fentanyl|benadryl|melatonin|sleeping\s+pills|sleep\s+aids?|ambien|seroquel|lithium|insulin|meds|medication|medicine|doses|iron|vitamins|gummies|edibles|lorazepam|zoloft|prozac|lexapro|adderall|methadone|suboxone|gabapentin|lamictal)\b|\bwhole\s+(bottle|pack)\s+of\b|\bmixed\s+(xanax|benzos|pills|opioids|oxy\w*|percocet|valium|my\s+meds|sleeping\s+pills)\b(\s+\w+){0,3}\s+(with|and)\s+(alcohol|drinking|booze|vodka|beer|wine|xanax|pills)\b|\b(pinpoint|tiny|pin\s+point)\s+pupils\b|\bfentanyl\b(\s+\w+){0,6}\s+(not\s+breathing|blue|wont\s+wake|passed\s+out|unresponsive|snoring|cant\s+wake)\b|\b(gave|give|giving|given|used|using|need|needed|needs|get|getting)\s+(him|her|them|me|my\s+\w+|a\s+dose\s+of|some|the)?\s*(narcan|naloxone)\b", RegexOptions.Compiled)),
        ("child-into-medicine", new(@"\b(kid|kids|child|toddler|baby|son|daughter|little\s+one|grandson|granddaughter|nephew|niece|dog|puppy)\b(\s+\w+){0,5}\s+(got\s+into|gotten\s+into|into\s+the|opened|found|ate|eaten|swallowed|drank|chewed|took|had)\b(\s+\w+){0,5}\s+(pills|pill\s+bottle|medicine|medicines|medication|meds|vitamins|gummies|edibles|tablets|bottle|cabinet|under\s+the\s+sink|bleach|detergent|pods?|battery|batteries|tylenol|advil|iron)\b", RegexOptions.Compiled)),
        ("spanish-poisoning", new(@"\b(se\s+tomo|tomo|tome|trago|trague|se\s+trago|bebio|se\s+bebio|comio|se\s+comio|ingirio)\b(\s+\w+){0,4}\s+(cloro|lejia|veneno|raticida|detergente|insecticida|las\s+pastillas|todas\s+las\s+pastillas|\d+\s+pastillas|un\s+frasco|medio\s+frasco|muchas\s+pastillas|pastillas|medicina|medicinas|pildoras)\b|\bsobredosis\b|\benvenen\w*\b|\bintoxica\w*\b", RegexOptions.Compiled)),
    ];

    private static readonly (string Name, Regex Pattern)[] EmergencyRules =
    [
        ("cant-breathe", new(@"\b(cant|cannot|can\s+not|couldnt|unable\s+to|trouble|struggling\s+to|hard\s+to|difficulty|problems?)\s+(to\s+)?(breathe|breathing|breath|catch\s+my\s+breathe?)\b", RegexOptions.Compiled)),
        ("not-breathing", new(@"\b(not|isnt|is\s+not|wasnt|stopped|stop|barely|hardly|aint)\s+(breathing|breathe)\b|\bshort(ness)?\s+of\s+breath\b", RegexOptions.Compiled)),
        ("chest-pain", new(@"\bchest\s+(pain|pains|hurts|hurting|is\s+(tight|hurting|killing)|tightness|pressure)\b|\b(pain|pressure|tightness)\s+in\s+(my|his|her|the)\s+chest\b|\b(having|is\s+having|think\s+(i\s*m|im|i\s+am|he\s+is|hes|she\s+is|shes)\s+having)\s+(a\s+)?(heart\s+attack|stroke)\b|\bblood\s+pressure\s+(is\s+)?(2\d\d|very\s+high|through\s+the\s+roof|sky\s+high)\b", RegexOptions.Compiled)),
        ("unresponsive", new(@"\b(going\s+to|gonna|about\s+to|might|feel\s+like\s+(i\s*m|im|i\s+am)\s+(going\s+to|gonna))\s+(pass\s+out|faint|black\s+out|collapse)\b|\b(unresponsive|unconscious|not\s+responding|non\s+responsive|collapsed|passed\s+out|fainted|blacked\s+out)\b|\b(wont|will\s+not|cant|cannot|couldnt)\s+wake\s+(up|him|her|them)\b|\bnot\s+waking\s+up\b", RegexOptions.Compiled)),
        ("seizure", new(@"\b(just\s+had|having|is\s+having|started\s+having|in\s+the\s+middle\s+of)\s+(a\s+)?(seizure|seizures|fit)\b|\b(seizing|convulsing|convulsions)\b", RegexOptions.Compiled)),
        ("turning-blue", new(@"\b(turning|turned|going|gone)\s+blue\b|\b(lips|face)\s+(are|is)\s+blue\b|\bblue\s+lips\b", RegexOptions.Compiled)),
        ("allergic", new(@"^anaphyla\w*$|\b(having|having\s+an|is\s+having|am\s+having|m\s+having|going\s+into|went\s+into|in)\s+(a\s+|an\s+)?(severe\s+|bad\s+|serious\s+)?(allergic\s+reaction|anaphyla\w*)\b|\banaphylactic\s+shock\b|\b(throat\s+(is\s+)?(closing|swelling)|swollen\s+throat)\b|\b(face|tongue|lips|throat)\b(\s+\w+){0,3}\s+(swelling|swollen|swell)\b", RegexOptions.Compiled)),
        ("bleeding", new(@"\bbleeding\s+(heavily|a\s+lot|badly|wont\s+stop|that\s+wont\s+stop)\b", RegexOptions.Compiled)),
        ("cardiac-signs", new(@"\b(crushing|squeezing|squeeze|heavy|heaviness|tight|tightness|pressure|weight|vice|clamp)\w*\b(\s+\w+){0,3}\s+(on|in|across|around)\s+(my|his|her|the)\s+chest\b|\belephant\s+(\w+\s+){0,2}(on|sitting\s+on)\s+(my|his|her)\s+chest\b|\bchest\b(\s+\w+){0,8}\s+(down|into|to|in)\s+(my|his|her|the)\s+(left\s+)?(arm|jaw|shoulder|neck|back)\b|\b(pain|ache|aching|numb\w*|tingling)\s+(\w+\s+){0,3}(down|in|into|shooting\s+down)\s+(my|his|her)\s+left\s+arm\b|\bchest\b(\s+\w+){0,8}\s+(sweat\w*|nause\w*|clammy|throwing\s+up)\b|\b(sweat\w*|clammy)\b(\s+\w+){0,8}\s+chest\b", RegexOptions.Compiled)),
        ("stroke-signs", new(@"\b(face|mouth|smile|lip|eye|eyelid)\b(\s+\w+){0,3}\s+(is\s+|are\s+|looks\s+|went\s+|suddenly\s+|started\s+)?(droop\w*|crooked|lopsided|sagging|saggy|uneven|drooped|numb|fallen)\b|\b(one|left|right)\s+side\s+of\s+(my|his|her|their|the)\s+(face|body|mouth)\b|\b(arm|leg|hand)\b(\s+\w+){0,3}\s+(is\s+|went\s+|feels\s+|suddenly\s+|just\s+)?(numb|weak|limp|dead|heavy|floppy)\b(\s+\w+){0,4}\s+(suddenly|and|cant|can\s+not|wont|speech|face|talk)\b|\bcant\s+(lift|raise|move)\s+(my|his|her)\s+(left|right|one)?\s*(arm|leg|hand)\b|\b(slurr\w*|garbl\w*|jumbled|mumbl\w*)\b(\s+\w+){0,2}\s*(speech|words|talking|speak\w*)?\b|\b(speech|words|talking)\s+(is\s+|are\s+|came\s+out\s+)?(slurred|garbled|weird|jumbled|wrong|nonsense)\b|\b(cant|can\s+not|couldnt|unable\s+to)\s+(speak|talk|get\s+(the\s+|his\s+|her\s+|my\s+)?words\s+out|find\s+(the|my|his|her)\s+words)\b|\bworst\s+headache\b|\bsudden\w*\b(\s+\w+){0,3}\s+(lost|loss\s+of|cant|blind|double\s+vision|dizzy|confused|confusion|numb|weak|severe\s+headache)\b|\b(think|thinks|maybe|might\s+be|could\s+be|signs\s+of)\s+(a\s+|having\s+a\s+)?stroke\b", RegexOptions.Compiled)),
        ("seizure-signs", new(@"\b(seizure|seizures|fit|fits|convuls\w*|shaking|jerking|twitching|seizing)\b(\s+\w+){0,6}\s+(wont\s+stop|not\s+stopping|still\s+going|for\s+(over\s+|more\s+than\s+)?(five|5|ten|10|several)\s+min\w*|again\s+and\s+again|one\s+after\s+another|back\s+to\s+back|keeps?\s+(happening|coming)|not\s+respond\w*|unresponsive|wont\s+wake|turning\s+blue)\b|\b(another|second|third)\s+seizure\b|\bhaving\s+seizures\b", RegexOptions.Compiled)),
        ("breathing-signs", new(@"\b(gasping|choking|suffocat\w*|cant\s+get\s+(any\s+)?air|struggling\s+for\s+air|no\s+air)\b(?!\s+up)|\b(lips|face|skin|fingers|fingertips|nails)\b(\s+\w+){0,2}\s+(are\s+|is\s+|turning\s+|turned\s+|look\w*\s+|gone\s+|going\s+)?(blue|grey|gray|purple|bluish|dusky)\b|\b(wheez\w+|breathing)\b(\s+\w+){0,4}\s+(really\s+bad|badly|so\s+bad|fast\s+and|noisy|rattl\w*|snoring|shallow|weird|funny|slow)\b|\bstopped\s+breathing\b|\bbarely\s+breath\w*\b|\bcant\s+breathe\b", RegexOptions.Compiled)),
        ("anaphylaxis-signs", new(@"\b(tongue|lips|lip|throat|face|mouth|eyes)\b(\s+\w+){0,3}\s+(is\s+|are\s+|keeps\s+|started\s+|starting\s+)?(swelling|swollen|puffing\s+up|puffed\s+up|closing|tight\w*|blowing\s+up|ballooning)\b|\bhives\b(\s+\w+){0,8}\s+(breath\w*|throat|swell\w*|wheez\w*|dizzy|faint)\b|\b(epi\s*pen|epinephrine|adrenaline\s+pen)\b|\b(bee\s+sting|stung|peanut|shellfish)\b(\s+\w+){0,8}\s+(breath\w*|throat|swell\w*|hives)\b", RegexOptions.Compiled)),
        ("collapse-signs", new(@"\b(found|find|came\s+home\s+to)\s+(him|her|them|my\s+\w+|someone|somebody|a\s+man|a\s+woman|dad|mom)\b(\s+\w+){0,3}\s+(on\s+the\s+floor|on\s+the\s+ground|passed\s+out|unconscious|not\s+breathing|not\s+moving|cold|limp|collapsed)\b|\b(wont|will\s+not|doesnt|does\s+not|isnt|is\s+not|not)\s+(respond|responding|react\w*|waking|wake)\b|\b(is|went|gone|lying)\s+(limp|lifeless|unresponsive|floppy)\b|\b(fell|collapsed|dropped|went\s+down)\b(\s+\w+){0,4}\s+(not\s+moving|hit\s+(his|her|my)\s+head|unconscious|wont\s+get\s+up|cant\s+get\s+up)\b", RegexOptions.Compiled)),
        ("bleeding-signs", new(@"\b(bleeding|blood)\b(\s+\w+){0,3}\s+(everywhere|wont\s+stop|will\s+not\s+stop|not\s+stopping|a\s+lot|heavily|badly|gushing|pouring|spurting|soaking|through\s+the)\b|\b(deep|bad|big|huge)\s+(cut|gash|wound|laceration)\b|\b(vomiting|throwing\s+up|coughing\s+up)\s+blood\b", RegexOptions.Compiled)),
        ("spanish-emergency", new(@"\b(dolor|presion|opresion|peso)\b(\s+\w+){0,3}\s+(en\s+el|del|de)\s+pecho\b|\b(no\s+(puede|puedo|podia)\s+respirar|no\s+respira|le\s+falta\s+el\s+aire|me\s+falta\s+el\s+aire|se\s+ahoga|me\s+ahogo|ahogando)\b|\blabios\s+(morados|azules)\b|\b(cara|boca)\s+(caida|torcida|chueca|dormida)\b|\b(no\s+puede|no\s+puedo)\s+(hablar|mover\s+el\s+brazo|levantar\s+el\s+brazo)\b|\bhabla\s+(raro|arrastrando|trabado)\b|\b(convulsion\w*|convulsiona\w*|ataque\s+epileptico)\b|\b(no\s+reacciona|no\s+responde|inconsciente|desmay\w*|no\s+despierta|se\s+desplomo)\b|\b(garganta|lengua|labios)\b(\s+\w+){0,2}\s+(se\s+)?(cierra|cerrando|hinchad\w*|inflamad\w*)\b|\b(sangra|sangrando|sangre)\b(\s+\w+){0,3}\s+(mucho|sin\s+parar|no\s+para)\b|\b(es\s+una|tengo\s+una|tenemos\s+una)\s+emergencia\b|\b(llamen|llama|llamar|necesito|necesitamos)\s+(a\s+)?(una\s+)?ambulancia\b|\b(tiene|tengo|esta\s+teniendo|estoy\s+teniendo|le\s+esta\s+dando|me\s+esta\s+dando|creo\s+que\s+(es|tiene)|le\s+dio|me\s+dio)\s+(un\s+)?(derrame\s+cerebral|infarto|ataque\s+al\s+corazon)\b", RegexOptions.Compiled)),
        ("emergency", new(@"\b(this\s+is\s+an|its\s+an|having\s+an?|medical)\s+emergency\b|\bcall(ing)?\s+(an\s+)?ambulance\b|\b911\b", RegexOptions.Compiled)),
    ];

    // Idioms that contain risk words but are not risk. Removed before the rules run.
    private static readonly Regex Idioms = new(
        @"\b(kill(ing)?\s+(some\s+)?time|(is|s|are|was)\s+killing\s+me|killing\s+it|dying\s+to\s+(know|try|ask|find|get|see|hear)|to\s+die\s+for|dead\s+(tired|line|serious)|deadline|bored\s+to\s+death|scared\s+to\s+death|(phone|battery|laptop|car|plant|plants|charger|computer)\b(\s+\w+){0,6}\s+(die|dying|dead|died)|my\s+phone\s+(is\s+)?(dying|dead)|battery\s+(is\s+)?(dying|dead)|(can|could|will|would)\s+(you|i|someone|people|one|a\s+person)\s+overdose(\s+on)?|(died|passed|passed\s+away|lost\s+\w+|lost\s+\w+\s+\w+)\s+(of|from|to)\s+(an\s+)?(accidental\s+)?overdose|risk\s+of\s+(an\s+)?overdose|possible\s+to\s+overdose|overdose\s+risk)\b",
        RegexOptions.Compiled);

    /// <summary>Assesses one message. Never throws; null or empty text is safe.</summary>
    public SafetyAssessment Assess(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return SafetyAssessment.Safe;
        }

        // The whole message, however long: regular expressions are linear in its length.
        var normalized = Idioms.Replace(Normalize(text), " ");
        var poisoning = FirstMatch(PoisoningRules, normalized);
        if (FirstMatch(CrisisRules, normalized) is { } crisis)
        {
            return new SafetyAssessment(SafetyRisk.Crisis, crisis) { Layer = SafetyLayer.Rule, MentionsPoisoning = poisoning is not null };
        }

        if (poisoning is not null)
        {
            return new SafetyAssessment(SafetyRisk.Poisoning, poisoning) { Layer = SafetyLayer.Rule, MentionsPoisoning = true };
        }

        return FirstMatch(EmergencyRules, normalized) is { } emergency
            ? new SafetyAssessment(SafetyRisk.MedicalEmergency, emergency) { Layer = SafetyLayer.Rule }
            : SafetyAssessment.Safe;
    }

    private static string? FirstMatch((string Name, Regex Pattern)[] rules, string normalized)
    {
        foreach (var (name, pattern) in rules)
        {
            if (pattern.IsMatch(normalized))
            {
                return name;
            }
        }

        return null;
    }

    /// <summary>
    /// Lower-cases, removes diacritics and apostrophes ("don't" → "dont"), turns everything else that is not a
    /// letter or digit into a space, squeezes letters repeated three or more times, and maps near-miss spellings
    /// onto the risk vocabulary.
    /// </summary>
    internal static string Normalize(string text)
    {
        var decomposed = Decompose(Emoji.Words(text).ToLowerInvariant());
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark || c is '\'' or '\u2019' or '\u2018' or '`')
            {
                continue;
            }

            builder.Append(char.IsLetterOrDigit(c) ? c : ' ');
        }

        var words = builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < words.Length; i++)
        {
            words[i] = Canonicalize(SqueezeRepeats(words[i]));
        }

        return string.Join(' ', words);
    }

    /// <summary>
    /// Canonical decomposition (so "está" matches "esta"). Text with lone surrogates or noncharacters (U+FFFE) makes
    /// <see cref="string.Normalize(NormalizationForm)"/> throw: such characters become spaces first, and if it still
    /// throws the text is used as typed. The gate never throws on what a person can send.
    /// </summary>
    private static string Decompose(string text)
    {
        try
        {
            return text.Normalize(NormalizationForm.FormD);
        }
        catch (ArgumentException)
        {
            var builder = new StringBuilder(text.Length);
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    builder.Append(c).Append(text[++i]);
                }
                else
                {
                    builder.Append(char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF' || (c >= '\uFDD0' && c <= '\uFDEF') ? ' ' : c);
                }
            }

            try
            {
                return builder.ToString().Normalize(NormalizationForm.FormD);
            }
            catch (ArgumentException)
            {
                return builder.ToString();
            }
        }
    }

    private static string SqueezeRepeats(string word)
    {
        if (word.Length < 3)
        {
            return word;
        }

        var builder = new StringBuilder(word.Length);
        for (var i = 0; i < word.Length; i++)
        {
            if (i >= 2 && word[i] == word[i - 1] && word[i] == word[i - 2])
            {
                continue;
            }

            builder.Append(word[i]);
        }

        return builder.ToString();
    }

    private static string Canonicalize(string word)
    {
        switch (word)
        {
            case "wnat" or "wnt" or "whant" or "wamt" or "wan":
                return "want";
            case "overdue" or "overdone" or "override" or "overrode" or "overload":
                return word;
            case "kil" or "kll" or "kiil":
                return "kill";
            case "mysefl" or "myslef" or "mysel" or "myelf" or "mself" or "meself":
                return "myself";
            case "wana" or "wnna" or "wannna":
                return "wanna";
            case "dye" or "dei":
                return "die";
            case "breath" or "breth" or "brethe" or "breate" or "breathin":
                return "breathe";
        }

        if (word.Length < 5)
        {
            return word;
        }

        if (Array.IndexOf(FuzzyVocabulary, word) >= 0)
        {
            return word;
        }

        // Two edits only for long words: at seven letters two edits turn "sliding" into "seizing".
        var allowed = word.Length >= 8 ? 2 : 1;
        string? closest = null;
        var closestDistance = int.MaxValue;
        foreach (var candidate in FuzzyVocabulary)
        {
            if (candidate[0] != word[0] || Math.Abs(candidate.Length - word.Length) > 2)
            {
                continue;
            }

            var distance = EditDistance.Bounded(word, candidate, allowed);
            if (distance <= allowed && distance < closestDistance)
            {
                (closest, closestDistance) = (candidate, distance);
            }
        }

        return closest ?? word;
    }
}
