// English cue phrases (lower-case), grouped by kind and separated by '|'. Whole words unless a
// phrase ends in '*'.
#include "replies/cues.h"

namespace overdue::replies {
namespace {

using enum Cue;

// clang-format off
constexpr CueGroup kEnglish[] = {
    {kPaidPast,
     "done today|done from|done yesterday|pushed the payment through|pushed it through|transfer was ordered|ordered the transfer"
     "|make the transfer yesterday|made the transfer|money is on the way|payment is on the way"
     "|we paid|i paid|have paid|has been paid|was paid|were paid|already paid|was mailed|mailed on"
     "|was posted|transfer executed|was executed"
     "|paid already|paid on|paid yesterday|paid today|paid last"
     "|paid this morning|paid in full|paid.|paid friday|payment done"
     "|payment is done|payment was made|payment has been made|was processed"
     "|was released|were released|has been released|stands released"
     "|released it|released today|was remitted|been remitted|remitted on"
     "|remitted through|remitted via|went out|has gone out|wire went"
     "|we transferred|have transferred|transferred today|banked in|bank in already"
     "|transferred yesterday|we transfer first|we sent|have sent|was sent"
     "|sent half|sent the|sent.|sent today|sent yesterday|we send money"
     "|tt done|done tt|did tt|done!|we settled|have settled|been settled"
     "|was executed|issued by wire|processed on|made the payment"
     "|made payment|make transfer|already make|already did|already pay"
     "|already send|already transfer|money left|left on|were debited"
     "|was debited|deducted successfully|included in our batch"
     "|went this morning|sent the lot|paid it|paid this|paid the|we've paid"
     "|i've paid|has been cleared|have cleared|completed the payment"
     "|have completed|finally paid|was make|payment was make"},
    {kPaymentProof,
     "mt103|mt 103|swift copy|swift reference|bank slip|slip attached|transfer receipt|bank receipt"
     "|slip attach|remittance advice|remittance|debit advice|uetr"
     "|transfer confirmation|confirmation number|proof of payment"
     "|payment confirmation|tt copy|wire confirmation|copy of the transfer"
     "|transaction reference|comprovante|justificante|field 20"
     "|bank statement|value date"},
    {kCourier,
     "tracking|waybill|awb|fedex|dhl|aramex|ups|couriered|courier"},
    {kCheque,
     "cheque|check #|check no|check mailed|cheque no|the check"},
    {kOversight,
     "overlooked|oversight|slipped through|slipped|missed it|missed this"
     "|missed in|we missed|miss this|forgot|forget|my bad|our fault"
     "|our mistake|my mistake|on us|our error|data entry error|error"
     "|inadvertently|fell through|dropped out|left out|never authorised"
     "|never sent|never forwarded|not forwarded|never matched|filed under"
     "|wrong supplier code|sitting in|got stuck|thought we had|had been paid"
     "|thought we paid|thought it was paid|i was sure|embarrass*|oops|oh no"
     "|lost in|was never|never got paid|never paid|did not come up"
     "|not entered|re-entered|spam|kept pending"},
    {kInvoiceMissing,
     "never received the invoice|never got this invoice"
     "|not received the invoice|never received by|cannot find this invoice"
     "|can't find|send again|send it again|re-send|no record of"
     "|never received|not receive*|didn't receive*|haven't received"
     "|cannot find|could not find|lost the invoice|resend*"},
    {kApproval,
     "approval|approved|approve|signature|sign|signed|signing officer"
     "|authoris*|authoriz*|payment run|payment batch|check run"},
    {kCashTight,
     "short on cash|devalue*|rough quarter|cash commitments|cash-wise|not enough cash|cash not enough|cash this month"
     "|cash flow|cashflow|cash is tight|tight|liquidity|working capital"
     "|no money|no cash|no fund|short of cash|cash crunch|cash problem"
     "|money's all tied up|tied up|stretched|money stuck|cash is stuck"
     "|difficult|difficulty|sales are down|sales slow|slow season"
     "|business very slow|weak|cash position|we're short|we are short"
     "|short this month|funds are blocked|ate all our liquidity|every penny"
     "|depreciation|fx allocation|dollar purchase*|treasury|cash management"
     "|cash review|inventory|overdue obligation|can't pay it all"
     "|pay it all at once|cannot pay in full|business has been slow"
     "|business is slow|blocked by|is blocked|price increase|prices"},
    {kAskTime,
     "give it|push the|out to|push out|pls wait|wait until|ok?|time until|more time|push to|push it to"
     "|postpone*|move it to|we need|need more time|extension|extend|grace"
     "|bear with|give us until|give us|give me|allow us|grant us|deferral"
     "|defer|can we pay|could we|can we do|is it ok|would that do"
     "|please wait|wait me|little more time|ask for time|asking for"},
    {kInstalment,
     "instalment|installment|in parts|3 parts|three payments|a month until"
     "|a week till|monthly rates|split|pay half|payment schedule|pro-rata"
     "|payment plan|per month"},
    {kBankLoan,
     "bank loan|loan|credit line|line of credit|credit facility|facility"
     "|overdraft|operating line|bridge loan|bank line|fido|drawdown"},
    {kEndCustomer,
     "our customer|our client|end customer|end-customer|my customer"
     "|my client|customer|customers|client|clients|our buyer|distributor|dealer*|retailer*"
     "|contractor|developer|franchise*|government|ministry|agency"
     "|project owner|main con|gc paid|utility|department store|chain|hotel"
     "|supermarket|principal|the project|progress claim|retainage"
     "|back-to-back|water district|shops"},
    {kTheyOweUs,
     "hasn't paid us|has not paid us|not paid us|not pay us|haven't paid us"
     "|hasnt paid|hasn't paid|not pay yet|still not pay|owe us|owes us"
     "|sitting on|pay us|paid us|payment to us|their payment|payment from"
     "|funds from|money from them|not remitted|collections|not yet released"
     "|not released|delayed us"},
    {kWhenTheyPay,
     "when they pay|once they pay|after they pay|when we get|once we receive"
     "|when we receive|upon release|on receipt of|receipt of client funds"
     "|as soon as they pay|when they release|once they release"
     "|depends on theirs|linked to|we pay when they pay|you get paid"},
    {kQuality,
     "quality|defect*|damaged|damage|broken|leak*|crack*|rust*|mildew|smell"
     "|faulty|flicker|cannot work|can't work|not the colour|wrong colour|wrong color|color|colour"
     "|shade|shrink*|junk|burn|porosity|failed|different from sample"
     "|different with sample|wrong model|not working|not work|does not work"
     "|doesn't work|broke down|wrong plug|wrong goods|wrong items"
     "|wrong manual|wrong labels|wrong size|wrong flange|sample|not match"
     "|does not match"},
    {kInsolvency,
     "creditors' meeting|meeting of creditors|all creditors"
     "|pre-filing creditors|creditors will|examiner|examinership"
     "|court protection|frozen|bankrupt*|insolven*|liquidat*|administration"
     "|administrator*|receiver*|trustee|chapter 7|chapter 11|wound up"
     "|wind up|winding up|winding-up|restructuring|proof of claim"
     "|proof of debt|pre-petition|pre-filing|judicial manage*|pkpu|concurso"
     "|rehabilitation|ccaa|voluntary arrangement|resolution professional"
     "|syndyk|monitor|court-appointed|stayed|dissolve*|falência|moratorium|concordat"
     "|composition agreement|sealed"},
    {kWrongPerson,
     "n'est pas traitée|pas traitée|i am not the|i'm not the|handled by our|previous buyer|the previous"
     "|no longer handle|by mistake|different company|belongs to|wrong email"
     "|wrong person|wrong guy|wrong rupert|not my department|not me"
     "|not in charge|not responsible|not involved|not the right contact"
     "|not concerned|i'm in sales|i am only|i'm only|only warehouse"
     "|i'm in the warehouse|don't handle|do not handle|not my part"
     "|don't know about payment|isn't me|do not see the payments"
     "|don't see the payments|remove me|no longer monitored|general mailbox"
     "|this mailbox|quit emailing|not purchasing|does not release payments"},
    {kRedirect,
     "merci d'adresser|adresser vos|veuillez contacter|must contact|please contact our|for payments you"
     "|please direct|should be sent to|please contact|contact our|write to"
     "|send to|send it to|email to|redirect|reach out to|direct future"
     "|address them to|address all|re-address|resend it to|ask our|ask my"
     "|please email|please write|please send|please ask|please address"
     "|kindly address|kindly contact|should be directed|call the office|cc'd"
     "|copied|forwarded"},
    {kBusy,
     "person quit|drowning|busy|swamped|chaos|in meetings|crazy|impossible"
     "|can't get to it"},
    {kAudit,
     "quarter close|inventory count|audit|year-end|year end|quarter-end"
     "|stock count|stock opname|closing"},
    {kPayVerb,
     "out before|out by|can do|should go|redo it|remittance will|will be remitted|go to the bank|go to bank|cut a check|cut a cheque"
     "|send it|pay|paying|payment|paid|settle|settled|settlement|clear|remit"
     "|release|released|transfer|sending|wire|tt|goes out|go out"
     "|cut the check|processed|process|arrange|scheduled|have it|get yours"
     "|have yours|get paid|be paid|bonifico|fund|money|done|take care of it"
     "|deal with|dealt with|included|in full|the check|send you|send to you|sort you out|send at least|will deposit|deposit in the bank|deposit it"
     "|doing it|do the needful|do the payment|do the transfer|doing the transfer"
     "|send funds|send the funds"
     "|i'll do it|we'll do it|send the money|send money|send payment"
     "|send the payment|send the balance|send the rest|sending you"
     "|have it out|get it out|going out|will follow|to follow|batch|run"
     "|payment run|check run|cheque run|pay run|payment batch|bank in|banked in"
     "|push it through|full amount|the amount|make payment|get it paid"
     "|will be paid|payables|pass on the funds|funds|dues"},
    {kRemedy,
     "compensat*|credit note|replacement*|replace|compensation|claim"
     "|return them|take them back|refund|deduct*|money back|solution|rework"},
    {kHoldPayment,
     "no payment until|hold payment|holding|withhold*|on hold|payment hold"
     "|not paying|not pay for|won't pay|cannot pay|can't pay"
     "|cannot process payment|not release payment|won't release"
     "|nothing gets paid|not paying a dime|until this is resolved"
     "|before we pay|then we pay|until it's fixed|cannot be paid"
     "|will not be paid"},
    {kComplaint,
     "won't accept|not accept|complain*|reject*|refused|disappointed|unhappy"
     "|not acceptable|unsuitable|photos|fotos|inspection|qc report|surveyor"},
    {kLeftCompany,
     "sick leave|left in|have left|successor|left the company|left hale|i left|he left|she left"
     "|has left|no longer with|no longer handling|resigned|resign|retired"
     "|not work here|not with us|transferred to|moved to|taken over"
     "|take over|handles payables|handle payables"
     "|now with a different company|paternity leave"},
    {kAutoReply,
     "delivery status notification|address not found|undeliverable"
     "|mail delivery failed|automatic reply|auto-reply|autoreply|auto reply"
     "|automatische antwort|respuesta automática|risposta automatica"
     "|auto-generated|do not reply|ticket|has been received"
     "|delivery has failed|couldn't be found|logged|thank you for contacting|automated message"},
    {kAck,
     "referred to the relevant|relevant division|in due course|received with thanks|noted with thanks|noted|received, thank|got it"
     "|will revert|thx|ok noted|well received|acknowledge"},
    {kClosing,
     "winding down|wind down operations|close our doors|stopped business|seized|collapse*|i have nothing left|shop is closed|is closing|closing our company|closing down|close down|shut down|shut"
     "|ceased|cease|closing the business|closing all our stores"
     "|last day of operation|stop business|cannot continue|lose my job"
     "|out of a job|close permanently|stop production|close now|no one left"
     "|going under"},
    {kOutOfOffice,
     "for urgent|out of the office|out of office|limited access to email"
     "|limited access to e-mail|no access to e-mail|no access to email"},
    {kReturn,
     "will return on|back|return*|come back|comes back|reopen|resum*"
     "|in the office"},
    {kQuantity,
     "short|missing|shortage|shortfall|received only|only received|counted"
     "|we count|quantity|cartons|pallets|invoiced quantity"},
    {kPriceError,
     "revised invoice|a difference of|the difference|price|overcharg*|invoiced twice|duplicate|freight charge|discount"
     "|corrected invoice|revise the invoice|correct the invoice"
     "|fix the invoice|wrong currency|balance is overstated|reissue"
     "|old quotation|not overdue|isn't late|is not late|not yet due|not due yet"},
    {kDocuments,
     "declaration of conformity|ce declaration|certificate|b/l|bill of lading|documents|hs code|consignee|form e"
     "|customs|clearance|labels|manual*|test report|mtc*|import license"
     "|soncap"},
    {kLateDelivery,
     "weeks late|days late|arrived late|late delivery|delivered late"
     "|beyond the contractual|turned up|delivery date|liquidated damages"},
    {kAway,
     "travelling|traveling|out of town|trip|trade show|trade fair|exhibition"
     "|fair|out of station|abroad|suitcase|visiting|is away"
     "|not in the office|off|sick"},
    {kHoliday,
     "feriado|shutting down for|shut for|close for|closed for|chrissy|holiday*|vacation|on leave|maternity|christmas|new year"
     "|chinese new year|cny|eid|ramadan|diwali|deepavali|thanksgiving"
     "|carnaval|easter|ferie|agosto|songkran|festivit*|semana santa"
     "|ferragosto|beach|closed"},
    {kSystemChange,
     "system|erp|migrat*|upgrade|moving|cutover"},
    {kBoss,
     "boss|director|owner|md|cfo|controller|signing"},
    {kStatementRequest,
     "statement of account|statement|reconciliation|reconcile|open items"
     "|total outstanding|how much|the balance after"},
    {kBankDetails,
     "numéro de tva|fiche fournisseur|swift code|bank details|bank account|wire info|banking information|bank letter"
     "|which bank|kyc|account change|vendor registration|vendor master"
     "|onboarding|supplier portal|in pdf|as a pdf|pdf|excel"},
    {kOrderTalk,
     "on liquidation|liquidation sale|clearance sale"
     "|price list|new order|next order|quote|proforma|lead time|eta"
     "|next season|orders"},
    {kGreeting,
     "merry christmas|happy new year|congratulations|season's greetings"
     "|eid mubarak|gong xi"},
    {kQuestion,
     "could you please|can you|could you|please confirm|is it true|?"},
    {kFuture,
     "then|will|'ll|shall|going to|can|could|plan|expect|propose|request"
     "|intend|let's|i.e.|that is|try|try our best"},
    {kDeadline,
     "by|before|until|till|latest|no later than|not later than|at the latest"
     "|within|on or before"},
    {kPastMarker,
     "already|yesterday|ago|last week|was|were|went|sent|did|made|mailed"
     "|filed|received"},
    {kArrival,
     "be in your account|in your account by|on your side|you have it|you'll see it|you will see it"
     "|arrive*|reach*|be there|land*|appear|credited|turned up|turn up|reflect"
     "|you'll have the money|you will have the money|you'll have your money|you will have your money"
     "|you'll have it|you will have it|you'll have the funds|you will have the funds"},
    {kHedge,
     "depending on|depends on how|maybe|probably|perhaps|hopefully|might|possibly|hopeful|approximately"
     "|about|around|i think|not sure|tentative|could take"
     "|for whatever that's worth|cannot promise|can't promise|can not promise|no promise"},
    {kThirdParty,
     "they|their|them|he|customer|client|buyer|distributor|dealer*"
     "|contractor|franchisee|government|ministry|agency|retailer*|chain"
     "|certification|inspection|the bank"},
    {kThirdPartySays,
     "they say|they said|they promise*|they have promised|they've named|told us|have told us"
     "|they swear|they're paying|they will pay|they pay|he say|he said"
     "|they expect|they tell"},
    {kToUs,
     "to us|our account"},
    {kNonPayAction,
     "propose a solution|a solution|discussed|meeting|calling them|call them|calling again|chase them|chasing them"
     "|check with|let me check|will check|i check|checking|terms"
     "|payment terms|payment term|credit term|credit period|as of|a proposal|send you a|we see"
     "|see the payment|talk about|discuss the payment|organize the payments"
     "|about your payment|the details|sort it out|hear from|reply|revert"
     "|get back to you|let you know|update you|confirm|talk|discuss|look at"
     "|speak|meet|inform|keep you posted|follow up|chat"},
    {kBalance,
     "balance|the rest|rest|remaining|remainder|other half|the remain"},
    {kPartial,
     "half|part|partial|first instalment|portion|undisputed|50%|70%"},
    {kCondition,
     "once|after we|when we|of receipt|upon|of getting|of receiving|after"
     "|when|if|thereafter"},
    {kPromiseWord,
     "promise|commit*|assure|guarantee|my word|for sure|without fail"
     "|positively|no matter what|undertake|definitely"},
    {kNegation,
     "not|hasn't|haven't|don't|won't|can't|isn't|didn't|never|no|cannot"
     "|nothing"},
};
// clang-format on

}  // namespace

std::span<const CueGroup> english_cues() { return kEnglish; }

}  // namespace overdue::replies
