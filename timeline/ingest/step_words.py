"""The words that tell each step of a case: one pattern per kind of event, searched sentence by sentence.

``timeline.ingest.events`` decides what a match means (negated, hypothetical, background, whose filing,
which date); here is only how each step is said. The patterns are compiled case-insensitively and searched
lowered over ``fold(text)`` (``GATED_RULES``), and only in a sentence holding one of the kind's words.
"""

from __future__ import annotations

import re

from timeline.ingest.awards import AWARD, JUDGMENT, JUDGMENT_WORDS, WORDS
from timeline.ingest.clean import lowered
from timeline.ingest.subject import TAKEN_TO

_I = re.I

# what a case is called before its noun: 'a voluntary, court-supervised', 'prepackaged', 'jointly administered'
_CASE_ADJECTIVES = (
    r"(?:voluntary|involuntary|prepackaged|pre-?packaged|pre-?negotiated|pre-?arranged|court[- ]supervised|jointly"
    r"|administered|joint|separate|bankruptcy)\s*,?\s+"
)
# a word that makes what was filed something else than the case: 'filed a motion to reopen the bankruptcy case'
_NOT_A_CASE = (
    r"(?!(?:motions?|lawsuits?|suits?|complaints?|objections?|plans?|claims?|notices?|appeals?|requests?|briefs?"
    r"|orders?|judgments?|convert\w*|dismiss\w*|emerg\w*|exit\w*|reopen\w*)\b)"
)
_PETITION = re.compile(
    r"\b(?:has\s+|have\s+)?(?:voluntarily\s+)?(?:filed|files)\s+(?:an?\s+|its\s+|their\s+)?(?:voluntary\s+|involuntary\s+)?"
    rf"(?:(?:{_CASE_ADJECTIVES})*(?:bankruptcy\s+)?petitions?\b|for\s+(?:voluntary\s+)?(?:(?:court|bankruptcy|creditor|federal)\s+)?(?:protection|reorganization|relief"
    r"|bankruptcy|chap\w*|receivership|insolvency|administration|liquidation)"
    # 'filed for a government-assisted Chapter 11 bankruptcy protection', 'filed for a Chapter 11 reorganization'
    r"|for\s+an?\s+(?:[\w-]+\s+){0,2}?(?:chapter\s+(?:\d+|[ivx]+)|bankruptcy|reorganization)\b"
    r"|chap\w*\s+(?:\d+|[IVX]+)\b(?!\s+(?:plan|liquidating))|under\s+chap\w*|bankruptcy)"
    # 'a petition ... was filed', 'the "pre-packaged" bankruptcy was filed by Affiliated Media Inc.' (not a plan)
    r"|\b(?:petitions?|chapter\s+\d+|bankruptcy|bankruptcy\s+cases?)\b(?:(?!\bplan\b)[^;]){0,40}"
    r"\b(?:was|were|has been|have been)\s+filed\b"
    r"|\bsought\s+(?:court\s+)?protection\s+under\s+chap\w*"
    # 'on Tuesday sought Chapter 11 protection', 'seeks Chapter 15 protection'
    r"|\b(?:sought|seeks|seeking)\s+chapter\s+(?:\d+|[ivx]+)\s+(?:(?:federal|bankruptcy|court)\s+){0,2}protection\b"
    # 'made a voluntary Chapter 11 filing in the U.S. Bankruptcy Court', 'makes Chapter 11 filing'
    rf"|\b(?:made|makes|making|submitted|submits|lodged|lodges)\s+(?:an?\s+|its\s+|their\s+)?(?:{_CASE_ADJECTIVES})*"
    r"(?:chapter\s+(?:\d+|[ivx]+)\s+(?:bankruptcy\s+)?(?:filings?|petitions?)|bankruptcy\s+(?:filings?|petitions?))\b"
    # 'filed Monday for Chapter 11 protection', 'filed to reorganize under Chapter 11'
    r"|\b(?:filed|files)\s+(?:on\s+|late\s+|early\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today"
    r"|yesterday)\s+for\s+(?:chapter|bankruptcy|protection|voluntary|relief|reorganization)"
    r"|\b(?:filed|files)\s+to\s+(?:reorganize|liquidate|restructure)\s+under\s+chap"
    # 'has asked a federal bankruptcy court for protection from creditors', 'petitioned for Chapter 11 protection'
    r"|\basked\s+(?:a|the)\s+(?:[\w.]+\s+){0,3}court\s+for\s+(?:bankruptcy\s+|chapter\s+(?:\d+|[ivx]+)\s+)?protection\b"
    r"|\bpetitioned\s+for\s+(?:chapter|bankruptcy|protection|relief|reorganization)\b"
    # 'according to a Chapter 11 petition filed on Monday'
    r"|\bpetitions?\s+filed\s+(?:on|in|with|late|early|last|yesterday|today)\b"
    # 'as a result of voluntary filings by EME ... for relief under Chapter 11'
    r"|\bvoluntary\s+filings?\s+by\b"
    # a foreign court's insolvency: 'applied to the Tokyo District Court for ... the Civil Rehabilitation Law'
    r"|\b(?:applied|petitioned)\s+(?:to\s+(?:the\s+)?[^.;]{0,60}?court\s+(?:of\s+[\w\']+\s+)?)?for\s+(?:the\s+application\s+of\s+(?:the\s+)?)?"
    r"(?:civil\s+rehabilitation|bankruptcy|insolvency|receivership|administration|(?:creditor\s+)?protection"
    r"|an?\s+winding[- ]up\s+order)\b"
    # Canada's CCAA and its like: 'has been granted creditor protection under the Companies' Creditors Arrangement
    # Act', 'obtained a court order granting it protection under'
    r"|\b(?:granted|granting)\s+(?:it\s+|them\s+)?(?:(?:creditor|court|bankruptcy)\s+)?protection\s+(?:under|from)\b"
    # Britain's: 'called in the receivers', 'appointing administrators from KPMG'
    r"|\b(?:call(?:ed|s|ing)?)\s+in\s+(?:the\s+)?(?:receivers|administrators|liquidators)\b"
    r"|\bappoint(?:ed|s|ing)?\s+(?:[\w&-]+\s+){0,3}?(?:as\s+)?(?:joint\s+)?(?:administrators|receivers|liquidators)\b"
    # 'has filed and will reorganize its business under the protection of a Chapter 11 proceeding'
    r"|\b(?:has|have)\s+filed\s+and\b(?=[^.;]{0,100}\b(?:chapter\s+(?:\d+|[ivx]+)|bankruptcy)\b)"
    # 'have commenced a Chapter 15 proceeding', 'commenced voluntary cases under chapter 11'
    r"|\bcommenced\s+(?:an?\s+|its\s+|their\s+)?(?:voluntary\s+|involuntary\s+)?(?:chapter\s+(?:\d+|[ivx]+)\s+)?"
    r"(?:cases?|proceedings?|petitions?)\b"
    r"|\b(?:was|were|been)\s+served\s+with\s+(?:an?\s+)?(?:involuntary\s+)?petition"
    r"|\b(?:announced|announces|announcing)\s+(?:an?|its|their)\s+(?:voluntary\s+)?(?:chapter\s+\d+\s+)?(?:bankruptcy\s+)?filing\b"
    r"|\bfiling\s*(?:--|[-–—,])?\s*(?:was\s+|were\s+)?made\s+(?:at|on|in|with|late|early)\b"
    r"|\b(?:became|become|becomes)\s+the\s+[^;]{0,80}?\bto\s+(?:file\s+for|seek|enter|declare)\s+"
    r"(?:(?:federal|court|chapter\s+\d+)\s+)?(?:bankruptcy|protection|receivership|administration)\b"
    r"|\b(?:was|were|been)\s+forced\s+to\s+(?:\w+ly\s+)?(?:file\s+for|seek)\b"
    # 'Orange County filed what was then the largest municipal bankruptcy', 'filed the nation's biggest bankruptcy'
    rf"|\b(?:filed|files)\s+(?:what\s+(?:was|is)\s+(?:then\s+)?)?(?:the|a|an|its)(?:\s+{_NOT_A_CASE}[\w'’.-]+){{0,5}}?\s+bankruptcy\b"
    r"(?!\s+(?:plan|court|judge|motion|schedules|claims?|lawsuit|suit))"
    # 'the largest publicly traded Japanese firm to seek bankruptcy protection', 'the third city in its state to file'
    r"|\b(?:first|second|third|fourth|fifth|\w+est|latest|\d+(?:st|nd|rd|th))\s+[^.;,]{0,50}?\bto\s+(?:file\s+for|seek|enter)\s+"
    r"(?:(?:federal|court|chapter\s+\d+)\s+)?(?:bankruptcy|protection)\b"
    # insolvency proceedings begun: 'commenced voluntary administration proceedings', 'opened insolvency proceedings'
    r"|\b(?:initiated|initiates|commenced|began|begun|started|launched|opened)\s+(?:an?\s+|its\s+|their\s+)?"
    r"(?:voluntary\s+)?(?:bankruptcy|insolvency|administration|receivership|liquidation|reorganization|restructuring)"
    r"\s+proceedings?\b"
    r"|\b(?:put|placed)\s+under\s+(?:court\s+)?(?:receivership|administration|(?:bankruptcy|creditor|court)\s+protection)\b"
    # an administrator appointed: 'appointed David Hardy ... of KPMG as joint and several voluntary administrators'
    r"|\bappointed\b[^.;]{0,80}?\bas\s+(?:joint\s+(?:and\s+several\s+)?)?(?:voluntary\s+)?(?:administrators?|receivers?"
    r"|liquidators?)\b"
    r"|\b(?:is|was|were|been)\s+appointed\s+(?:as\s+)?(?:the\s+)?(?:joint\s+)?(?:voluntary\s+)?(?:administrators?|receivers?"
    r"|liquidators?)\b"
    # creditors' petition told as a suit: 'investors took Bernard Madoff to bankruptcy court on Monday'
    rf"|\b(?:{TAKEN_TO})\s+(?:[^;]{{0,60}}?\s)?to\s+"
    r"(?:(?:u\.s\.|federal)\s+)?bankruptcy\s+court\b"
    r"|\b(?:put|forced|pushed|placed|driven|drove|went|gone|goes|going|sent|collapsed|slid|tumbled|plunged|fell|fallen"
    r"|falls|followed)\s+(?:[^.;]{0,60}?\s)?into\s+(?:an?\s+)?"
    r"(?:chapter\s+(?:\d+|[ivx]+)\b(?!\s+plan)|(?:(?:chapter\s+\d+|involuntary)\s+){0,2}"
    r"(?:bankruptcy|receivership|administration|liquidation)\b)"
    # 'declared bankruptcy', 'went bankrupt'
    r"|\b(?:declared|declares|declaring)\s+(?:itself\s+|(?:section|chapter)\s+\d+\s+)?(?:bankruptcy|bankrupt|insolvency|insolvent)\b"
    r"|\bwent\s+bankrupt\b|\b(?:declared|declares)\s+(?:[\w'’.&-]+\s+){1,5}?(?:insolvent|bankrupt)\b"
    # 'sought bankruptcy protection', 'seeking court protection from creditors'
    r"|\b(?:sought|seeks|seeking)\s+(?:(?:bankruptcy|court|creditor|legal)\s+){1,2}protection\b"
    r"|\b(?:sought|seeks|seeking)\s+protection\s+from\s+(?:its\s+)?creditors\b"
    # 'sought refuge in bankruptcy court Tuesday', 'seeking shelter under Chapter 11'
    r"|\b(?:sought|seeks|seeking|took|taken|takes|taking)\s+(?:refuge|shelter|sanctuary)\s+(?:in|from|under)\s+(?:the\s+)?"
    r"(?:u\.s\.\s+|federal\s+)?(?:bankruptcy|chapter)"
    # 'has been under Chapter 11 bankruptcy protection since September 9, 2024'
    # 'has been restructuring under court protection since 2002', 'has been in Chapter 11 since January'
    r"|\b(?:has|have|had)\s+been\s+(?:operating\s+|restructuring\s+|reorganizing\s+)?(?:in|under)\s+"
    r"(?:(?:court|bankruptcy|creditor)\s+protection|chapter\s+(?:\d+|[ivx]+)(?:\s+bankruptcy)?(?:\s+protection)?"
    r"|bankruptcy(?:\s+protection)?|reorganization)\s+(?=since\b)"
    # 'filed a prepackaged Chapter 11 case', 'filed voluntary cases under Chapter 11'
    rf"|\b(?:filed|files)\s+(?:an?\s+|its\s+|their\s+)?(?:{_CASE_ADJECTIVES})*(?:chapter\s+(?:\d+|[ivx]+)\s+)(?:cases?|proceedings?)\b"
    rf"|\b(?:filed|files)\s+(?:an?\s+|its\s+|their\s+)?(?:{_CASE_ADJECTIVES})+(?:cases?|proceedings?)\s+under\s+(?:the\s+)?chap"
    # 'initiated voluntary proceedings under Chapter 11', 'began Chapter 11 proceedings', 'has entered Chapter 11',
    # 'commenced a voluntary, court-supervised process under Chapter 11', 'initiated a voluntary Chapter 11 process'
    rf"|\b(?:initiated|initiates|commenced|began|begun|started|launched)\s+(?:an?\s+|its\s+|their\s+)?(?:{_CASE_ADJECTIVES})*"
    r"(?:chapter\s+(?:\d+|[ivx]+)\s+(?:cases?|proceedings?|process|petitions?|filings?)\b"
    r"|(?:[\w-]+\s+){0,2}(?:cases?|proceedings?|process|petitions?)\s+\(?(?:under|pursuant\s+to)?\s*(?:the\s+)?"
    r"(?:chapter|title\s+(?:11|iii)|bankruptcy))"
    r"|\bcommenced\s+(?:an?\s+|its\s+)?title\s+iii\s+cases?\b"
    r"|\b(?:has\s+|have\s+)?(?:entered|enters|entering)\s+(?:into\s+)?chapter\s+(?:\d+|[ivx]+)\b(?!\s+plan)"
    r"|\b(?:has\s+|have\s+)?(?:entered|enters|entering)\s+(?:into\s+)?(?:bankruptcy|receivership|administration)"
    r"(?:\s+protection)?\b"
    # 'announced the filing of voluntary petitions for relief', 'is filing for Chapter 11 protection'
    r"|\bthe\s+filing\s+of\s+(?:a\s+|its\s+|their\s+)?(?:voluntary\s+|involuntary\s+)?(?:bankruptcy\s+)?"
    r"(?:petitions?|chapter\s+(?:\d+|[ivx]+))\b"
    r"|\b(?:is|are|was|were)\s+filing\s+for\s+(?:chapter|bankruptcy|protection|voluntary)"
    # any other way a filing verb takes a case for its object, a few words on: 'filed Monday in Delaware for
    # Chapter 11', 'entered into voluntary liquidation', 'sought on Friday the protection of the court'
    r"|\b(?:filed|files|sought|seeks|entered|enters|commenced|initiated|applied|petitioned|plunged|tipped|pushed)\b"
    rf"(?:\s+{_NOT_A_CASE}[\w,.'’$-]+){{0,6}}?\s+(?:the\s+)?(?:chapter\s+(?:7|9|11|15|vii|ix|xi|xv)\b(?!\s+plan)"
    r"|bankruptcy\b(?!\s+(?:court|judge|plan|lawyer|attorney|counsel|law|code|rules?|case\s+no))"
    r"|insolvency\b|receivership\b|administration\b(?=\s*(?:[.,;]|$|on|in|last|this|after|under))"
    r"|(?:court|creditor|bankruptcy)\s+protection\b)"
    # a filing told as a noun: 'Orange County's bankruptcy filing one year ago', 'Texaco's filing Sunday of a petition'
    r"|\b(?:[\w&.-]+['’]s|its|their)\s+(?:(?:voluntary|prepackaged|chapter\s+(?:\d+|[ivx]+)|bankruptcy|insolvency)\s+){1,3}"
    r"(?:filings?|petitions?)\b(?!\s+(?:plan|date))"
    r"|\b(?:[\w&.-]+['’]s|its|their)\s+filing\s+(?:[\w,.-]+\s+){0,3}?(?:of\s+(?:a|its|the)\s+(?:voluntary\s+)?"
    r"(?:bankruptcy\s+)?petitions?|for\s+(?:bankruptcy|protection|chapter|relief))\b"
    r"|\b(?:since|after|before)\s+filing\s+(?:for\s+)?(?:bankruptcy|chapter|protection|its\s+petition)"
    # 'its creditors have forced it into filing for involuntary bankruptcy protection'
    r"|\b(?:forced|pushed|drove|driven)\s+(?:[^.;]{0,40}?\s)?into\s+filing\s+for\b"
    # the petition's own figures: 'listed debt of as much as $1 billion ... in Chapter 11 documents filed this morning'
    r"|\blisted\s+(?:assets|debts?|liabilities)\b[^.;]{0,120}?\b(?:petitions?|filing|documents|papers)\b"
    # a court's order: 'ordered the liquidation of China Evergrande Group', 'ordered China Evergrande to be wound up'
    r"|\b(?:ordered|orders)\s+the\s+(?:liquidation|winding[- ]up)\s+of\b"
    r"|\b(?:ordered|orders)\s+(?:[\w'’.&-]+\s+){1,5}?to\s+be\s+(?:wound\s+up|liquidated|placed\s+(?:into|in|under)\s+"
    r"(?:liquidation|administration|receivership))\b"
    # a court paper: 'commenced, on November 18, 2019, these chapter 11 cases by filing voluntary petitions'
    r"|\bby\s+filing\s+(?:a\s+|its\s+|their\s+)?(?:voluntary\s+|involuntary\s+)?petitions?\b",
    _I,
)
_RULES: tuple[tuple[str, re.Pattern], ...] = (
    ("petition_filed", _PETITION),
    (
        "motion_filed",
        re.compile(
            r"\b(?:filed|files|filing|submitted)\b[^;]{0,250}?\b(?P<at>motions?)\b"
            # 'moved to dismiss the case for cause', 'moved before the court to convert'
            r"|\b(?:has\s+|have\s+)?moved\s+(?:before\s+the\s+court\s+)?to\s+(?:dismiss|convert|appoint|reopen|lift|extend|sell"
            r"|reject|assume|transfer|compel|terminate)\b"
            r"|\bmotion\s+(?:to|for)\s+[\w\s-]{1,40}?,?\s+filed\s+by\b"
            r"|\b(?P<at2>asked\s+the\s+(?:bankruptcy\s+)?(?:court|judge))\b"
            # 'asked a federal bankruptcy judge to approve', 'filed papers asking' (not 'for protection': a petition)
            r"|\basked\s+(?:a|the)\s+(?:[\w.]+\s+){1,3}(?:court|judge)\b(?!\s+for\s+(?:bankruptcy|chapter|protection))"
            r"|\bfiled\s+(?:court\s+)?papers\s+(?:asking|requesting|seeking\s+(?:approval|permission|authority))\b"
            r"|\b(?:sought|seeks|seeking|requested|requests)\s+(?:the\s+)?(?:bankruptcy\s+)?court(?:'s)?\s+"
            r"(?:approval|authority|permission)"
            r"|\b(?:sought|seeks|seeking|requested|requesting|asking)\s+(?:[\w-]+\s+){0,3}(?:authority|approval|authorization"
            r"|permission)\s+(?:from|of)\s+the\s+(?:bankruptcy\s+)?court"
            r"|\bmotions?\b(?:\s+(?:to|for)\s+[\w\s-]{1,40}?)?\s+(?:was|were|has been|have been)\s+filed"
            r"|\b(?P<at3>motions?)\b,?\s+(?:which|that)\s+(?:were|was|had\s+been|have\s+been)\s+(?:submitted|filed)\b"
            # 'is seeking approval of a $50 million DIP facility'
            r"|\b(?:is|are|has\s+been|have\s+been)\s+seeking\s+(?:(?:interim|final|court|bankruptcy)\s+){0,3}"
            r"(?:approval|authority|authorization)\b",
            _I,
        ),
    ),
    (
        "order_entered",
        re.compile(
            r"\b(?:received|receives|obtained|won|wins|got|gets|secured|secures)\s+(?:(?:final|interim|bankruptcy|court)\s+){0,3}"
            r"(?:approval|authorization)\b"
            r"|\b(?:was|were|has\s+been|have\s+been)\s+granted\s+(?:(?:final|interim|court)\s+){0,2}"
            r"(?:approval|authority|authorization|permission)\b"
            r"|\bcourt\b(?:\s+(?:for|of|in|overseeing|handling|hearing|presiding\s+over)\s+the\s+[^;]{0,100}?)?(?:\s*\([^)]{0,40}\))?\s+(?:also\s+|has\s+|today\s+)?"
            r"(?P<at>approved|granted|authorized|entered|signed|issued)\b"
            # 'The court gave interim approval to a $50 million DIP loan'
            r"|\b(?:court|judge)\b[^.;]{0,60}?\b(?P<at4>gave|granted|issued)\s+(?:its\s+)?(?:(?:final|interim|preliminary)\s+)?"
            r"(?:approval|authorization|permission)\b"
            r"|\b(?:approved|authorized|granted)\s+by\s+(?:the\s+)?(?:u\.s\.\s+)?(?:bankruptcy\s+)?(?:court|judge)\b"
            # 'said Judge Lifland in approving the deal', 'gave his blessing to', 'signed off on ...'s request'
            r"|\bin\s+(?:granting|approving|authorizing)\b|\b(?:gave|given|gives)\s+(?:his|her|its)\s+blessing\b"
            r"|\b(?:judge|court)\b[^.;]{0,80}?\bsigned\s+off\s+on\b"
            r"|\border\b[^.;]{0,60}?\b(?:was|were|has\s+been|had\s+been)\s+entered\b"
            r"|\bapproval\s+of\s+(?:our|its|their|the)\s+(?:[\w-]+\s+){0,2}motions\b"
            r"|\border\s+(?:approving|authorizing|granting)\b"
            # 'A federal judge early Saturday morning approved', 'Judge Laurie Silverstein approved'
            r"|\b(?:judge|justice)\b(?:\s+[A-Z][\w.]*){0,3}(?:\s+(?:in|of)\s+[A-Z][\w.]*)?"
            r"(?:\s+(?:on|early|late|this|last)\s+\w+(?:\s+(?:morning|afternoon|evening))?)?"
            r"\s+(?:also\s+|has\s+)?(?P<at3>approved|authorized|granted|signed\s+off|entered|issued)\b",
            _I,
        ),
    ),
    (
        "hearing",
        re.compile(
            r"\bset\s+for\s+(?:a\s+)?hearing\b|\b(?:scheduled|set)\s+(?:a|the)\s+(?:[\w-]+\s+){0,3}hearing\b"
            r"|\bwill\s+hold\s+a\s+hearing\b"
            r"|\bhearing\b(?:\s+(?:on|to\s+consider|regarding|for|before)\b[^.;]{0,80}?)?\s+(?:is|has\s+been|was|will\s+be"
            r"|are|have\s+been)\s+(?:set|scheduled)\b|\bhearing\s+(?:is\s+)?scheduled\s+for\b"
            r"|\bhearings?\b[^.;]{0,120}?\b(?:to\s+be|will\s+be)\s+held\b|\bwill\s+(?:conduct|hold)\s+a\s+hearing\b"
            r"|\bpending\s+(?:a|the)\s+(?:[\w-]+\s+){0,2}hearing\b"
            r"|\b(?:after|following)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}hearing\b|\bhearing\s+(?:was|were)\s+(?:held|conducted)\b"
            r"|\bhearing\b[^.;]{0,60}?\b(?:is|are)\s+expected\s+to\s+(?:take\s+place|be\s+held|occur)\b"
            r"|\bhearing\b[^.;]{0,60}?\bwill\s+take\s+place\b"
            # 'at a hearing yesterday', 'at a January 18 hearing', 'during a virtual hearing on Wednesday'
            r"|\b(?:at|during)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}hearing\b"
            r"|\bhearing\b[^.;]{0,80}?\b(?:was|were|has\s+been|had\s+been)\s+(?:held|conducted)\b"
            # a court paper: 'came before the Court for hearing on', 'came on for hearing', 'was heard before the court'
            r"|\bcame\s+(?:on\s+)?(?:before\s+the\s+court\s+)?for\s+(?:a\s+)?hearing\b|\bfor\s+hearing\s+on\b"
            r"|\b(?:was|were)\s+heard\s+(?:before|by)\s+the\s+court\b|\bcame\s+(?:on\s+)?before\s+the\s+court\b"
            r"|\bhearing\s+will\s+be\s+(?:conducted|held|convened)\b"
            r"|\b(?:held|conducted|convened|closed|concluded|opened)\s+(?:a|an|the)\s+(?:[\w\"“”-]+\s+){0,3}hearing\b"
            r"|\bhearing\s+(?:is\s+|was\s+)?scheduled\s+(?:in|on)\b"
            r"|\bhearing\b[^.;]{0,60}?\b(?:was|has\s+been|is)\s+(?:postponed|adjourned|continued|rescheduled)\s+(?:to|until)\b",
            _I,
        ),
    ),
    (
        "adversary_proceeding",
        re.compile(
            r"\b(?:adversary|adversarial)\s+proceeding\b|\bfiled\s+(?:a\s+)?(?:lawsuit|suit|complaint)\s+against\b"
            r"|\bfiled\s+(?:a|an)\s+(?:[\w-]+\s+){0,2}(?:lawsuit|suit|complaint|action)\b[^.;]{0,120}?\bagainst\b"
            r"|\b(?:sued|sues)\b[^;]{0,80}?\bin\s+(?:the\s+)?(?:u\.s\.\s+|federal\s+)?bankruptcy\s+court\b",
            _I,
        ),
    ),
    ("award", AWARD),
    ("judgment", JUDGMENT),
    (
        "financing",
        re.compile(
            r"\b(?:dip|debtor[- ]in[- ]possession)\b[^;]{0,40}?\b(?:financing|facility|loan)\b"
            r"|\b(?:credit|financing|loan)\s+facility\b|\bnew\s+(?:bank\s+)?financing\b|\bexit\s+financing\b"
            r"|\bnew[- ]money\s+(?:financing|facility|loan|investment)\b"
            # '$700 million in Chapter 11 financing', 'a $33 million loan', 'to borrow up to $100 million'
            r"|\$[\d.,]+\s*(?:million|billion|mn|bn|m)?\s+(?:in\s+)?(?:[\w-]+\s+){0,3}?(?:financing|funding|loans?)\b"
            r"|\bto\s+borrow\b",
            _I,
        ),
    ),
    (
        "asset_sale",
        re.compile(
            r"\b(?:completed|closed|consummated)\s+(?:the\s+|its\s+)?sale\b"
            r"|\bsale\s+(?:has\s+|was\s+)?(?:closed|been\s+completed|completed|consummated)\b"
            r"|\bsold\b[^;]{0,80}\b(?:assets|business|division|unit|subsidiary)"
            r"|\b(?:selected|chose|accepted)\b(?:[^.;]|\.\d){0,80}?\bbid\b(?!der)|\b(?:winning|successful)\s+bid\b(?!der)"
            # 'entered into an asset purchase agreement', 'a stalking horse agreement', 'agreed to sell all'
            r"|\bentered\s+into\s+(?:an?\s+|the\s+)?(?:definitive\s+)?(?:asset\s+purchase"
            r"|stalking[- ]horse(?:\s+(?:asset\s+)?purchase)?|purchase\s+and\s+sale|sale)\s+agreement\b"
            r"|\b(?:agreed|agreement)\s+to\s+sell\s+(?:substantially\s+all|all|its|the|certain)\b"
            r"|\b(?:named|selected|designated|chosen)\s+(?:as\s+)?the\s+(?:winning|successful|stalking[- ]horse)"
            r"\s+bidder\b"
            # a sale the court approved: 'A judge quietly approved the bankruptcy sale of', 'confirmed the sale'
            r"|\b(?:judge|court)\b[^.;]{0,80}?\b(?:approved|confirmed|okayed|blessed|authorized)\s+(?:the\s+)?"
            r"(?:[\w-]+\s+){0,2}sale\b|\b(?:in\s+)?(?:approving|confirming)\s+the\s+sale\b"
            r"|\b(?:won|wins|received|obtained|got|secured)\s+(?:(?:court|bankruptcy|final|judicial)\s+){0,3}approval\b"
            r"[^.;]{0,80}?\bto\s+sell\b"
            r"|\b(?:was|were|been)\s+sold\s+(?:at|in|to)\b|\bsale\b[^.;]{0,60}?\b(?:has|have|had)\s+closed\b"
            r"|\b(?:won|winning|wins)\s+(?:an|the)\s+auction\b|\bvictorious\s+in\s+(?:an|the)\s+auction\b"
            r"|\bsale\b[^.;]{0,100}?\b(?:was|were|has\s+been)\s+approved\b|\bbid\s+successfully\b|\bauctioned\s+off\b"
            r"|\b(?:emerged|was|were)\s+(?:as\s+)?the\s+(?:successful|winning)\s+bidder\b"
            r"|\b(?:judge|court)\b[^.;]{0,60}?\bawarded\s+(?:the\s+)?(?:[\w-]+\s+){0,2}assets\b",
            _I,
        ),
    ),
    (
        "plan_filed",
        re.compile(
            # 'filed with the court its Third Amended Joint Plan of Reorganization', 'filed a new bankruptcy plan'
            r"\b(?:filed|files|submitted|submits)\s+(?:with\s+the\s+(?:bankruptcy\s+)?court\s+)?(?:a|an|its|their)\s+"
            r"(?:[\w-]+\s+){0,4}?(?:plan\s+(?:of|for)\s+(?:reorganization|liquidation|adjustment)|(?:reorganization|liquidation"
            r"|liquidating|bankruptcy|chapter\s+(?:11|9))\s+plan\b(?!\s+(?:support|sponsor)))"
            r"|\b(?:filed|files|filing|submitted|submits)\s+(?:a|an|its|the|their)?\s*(?:joint\s+|amended\s+|proposed\s+"
            r"|prepackaged\s+|pre-?negotiated\s+|first\s+amended\s+|long-delayed\s+|revised\s+|new\s+)*"
            r"(?:chapter\s+(?:11|9)\s+plan\b(?!\s+(?:support|sponsor))|(?:chapter\s+11\s+)?(?:plan\s+of\s+(?:reorganization|liquidation)"
            r"|reorganization\s+plan|liquidating\s+plan|plan\s+to\s+restructure))",
            _I,
        ),
    ),
    (
        "plan_confirmed",
        re.compile(
            r"\border\s+(?:of\s+confirmation|confirming)\b|\bconfirmation\s+order\b"
            r"|\bconfirmed\s+(?:the|its|their|a|(?:[A-Z][\w&.-]*\s+){0,3}[A-Z][\w&.-]*['’]s)\s+(?:[\w'’-]+\s+){0,5}plan\b"
            r"|\bplan\b[^.;]{0,60}?\b(?:was|has\s+been|had\s+been|were)\s+(?:confirmed|approved)\b"
            r"|\b(?:has|have)\s+been\s+approved\s+for\s+(?:a|its|their)\s+(?:[\w'’-]+\s+){0,4}plan\b"
            r"|\bplan\s+is\s+(?:hereby\s+)?confirmed\b|\bcourt\s+(?:hereby\s+)?confirms\s+the\b"
            r"|\b(?:judge|court)\b(?:[^.;]|(?<=\b[A-Z])\.){0,80}?\bcleared\s+(?:the\s+way\s+for\s+)?[^.;]{0,60}?\bto\s+emerge\b"
            r"|\b(?:judge|court)\b(?:[^.;]|(?<=\b[A-Z])\.){0,80}?\b(?:approved|confirmed)\s+(?:the|its|their)\s+(?:[\w'’-]+\s+){0,3}"
            r"(?:plan\s+of\s+(?:reorganization|liquidation)|(?:reorganization|liquidation|liquidating|bankruptcy|chapter\s+\d+)\s+plan)\b"
            # 'received court approval of its plan of reorganization'
            r"|\b(?:received|obtained|won)\s+(?:(?:final|bankruptcy|court)\s+){0,3}(?:approval|confirmation)\s+"
            r"(?:(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday)\s+)?(?:of|for)\s+"
            r"(?:its|their|the)\s+(?:(?!disclosure\b)[\w'’-]+\s+){0,4}plan\b"
            r"|\b(?:judge|court)\b[^.;]{0,80}?\b(?:approved|confirmed|signed\s+off\s+on|okayed|blessed)\s+"
            r"(?:the\s+|its\s+|their\s+|[A-Z][\w&.-]*['’]s?\s+)?(?:(?!disclosure\b)[\w'’-]+\s+){0,5}plan\b"
            # 'A federal court Friday approved the bankruptcy reorganization of A. H. Robins Co.'
            r"|\b(?:judge|court)\b[^.;]{0,80}?\b(?:approved|confirmed)\s+(?:the|its|their)\s+(?:bankruptcy\s+)?"
            r"reorganization\s+of\b",
            _I,
        ),
    ),
    (
        "emergence",
        re.compile(
            r"\bemerged\s+(?:\w+\s+){0,2}from\b|\bhas\s+emerged\b|\bemerged\s+(?:on|in|today|yesterday|last)\b"
            r"|\bemerging\s+from\s+(?:chapter|bankruptcy)\b|\bcame\s+out\s+of\s+(?:chapter|bankruptcy)\b"
            r"|\bnotice\s+of\s+(?:the\s+)?(?:effectiveness|effective\s+date)\b"
            r"|\bterminating\s+its\s+status\s+as\s+a\s+debtor[- ]in[- ]possession\b"
            r"|\bplan\b[^.;]{0,60}?\b(?:became|has\s+become|went|has\s+gone)\s+effective\b"
            r"|\b(?:exited|exits|has\s+exited)\s+(?:from\s+)?(?:chapter\s+(?:\d+|[ivx]+)|bankruptcy)\b"
            r"|\beffective\s+date\s+of\s+the\s+(?:[\w-]+\s+){0,2}plan\s+(?:is|was|occurred|will\s+be)\b"
            # 'has successfully completed its financial restructuring', 'consummated its plan of reorganization'
            r"|\b(?:completed|completes|concluded|concludes|consummated|consummates)\s+(?:its|their|the)\s+"
            r"(?:(?:financial|balance\s+sheet|court-supervised|chapter\s+11)\s+)?(?:restructuring|reorganization"
            r"|chapter\s+11\s+(?:process|case|cases|proceedings?)|plan(?:\s+of\s+reorganization)?)\b"
            r"(?!\s+(?:support|agreement|negotiations|talks))"
            r"|\bplan\b[^.;]{0,60}?\b(?:was|were|has\s+been)\s+(?:substantially\s+)?consummated\b",
            _I,
        ),
    ),
    (
        "conversion",
        re.compile(
            r"\bconvert(?:ed|ing)\s+(?:its\s+|the\s+|their\s+|the\s+company['’]s\s+|[\w&.-]+['’]s?\s+)?(?:chapter\s+(?:11|13|12)\s+)?"
            r"(?:bankruptcy\s+)?(?:cases?|proceedings?)\s+(?:to|into)\s+(?:a\s+)?(?:case\s+under\s+|liquidation\s+under\s+)?"
            r"chapter|\b(?:case|cases|proceeding|proceedings|filing|it)\s+(?:was\s+|were\s+|has\s+been\s+|have\s+been\s+|is\s+hereby\s+)?"
            r"converted\s+(?:to|into)\b"
            r"|\b(?:approved|granted|grated|ordered)\s+(?:the\s+)?conversion\b"
            r"|\b(?:approved|granted|grated)\s+[^.;]{0,60}?\bmotion\s+(?:\w+\s+)?to\s+convert\b",
            _I,
        ),
    ),
    (
        "dismissal",
        re.compile(
            r"\b(?:court|judge)\s+(?:has\s+|also\s+|\w+ly\s+)?dismissed\b|\border\s+dismissing\b"
            r"|\bgrant(?:ed|s|ing)\s+(?:the\s+|a\s+)?(?:[\w\"“”-]+\s+){0,2}dismissal\b"
            r"|\b(?:it|they)\s+(?:was|were)\s+dismissed\b|\bcases?\s+(?:has|have)\s+(?:now\s+)?been\s+dismissed\b"
            r"|\b(?:court|judge)\b[^.;]{0,60}?\bdismissed\s+(?:a|the|its|their|[\w'’.&-]+['’]s)\s+(?:[\w-]+\s+){0,3}"
            r"(?:case|cases|petition|petitions|filing|bankruptcy)\b"
            r"|\b(?:case|cases|petition)\s+(?:was|were|has been|have been)\s+dismissed\b"
            r"|\bthrew\s+out\s+(?:the\s+|its\s+|their\s+)?(?:[\w'’]+\s+)?(?:bankruptcy|case|petition|chapter)\b",
            _I,
        ),
    ),
    (
        "delisting",
        re.compile(
            r"\bde-?list\w*|\bcontinued\s+listing\b|\bsuspend\w*\s+trading\b|\bremoved\s+from\s+listing\b"
            r"|\btrading\s+(?:in\s+[^;]{0,40}?)?(?:will\s+be|was|has\s+been|is)\s+(?:halted|suspended)\b",
            _I,
        ),
    ),
)
# a word (in lower case) every match of the rule contains: a sentence with none of them is not searched
RULE_WORDS = {
    "petition_filed": (
        "file",
        "sought",
        "seek",
        "commenc",
        "served",
        "filing",
        "into",
        "became",
        "applied",
        "petitioned",
        "declar",
        "bankrupt",
        "initiat",
        "began",
        "begun",
        "started",
        "launched",
        "enter",
        "since",
        "refuge",
        "shelter",
        "grant",
        "appoint",
        "call",
        "under",
        "opened",
        "order",
        "listed",
    ),
    "motion_filed": ("motion", "court", "seeking", "moved"),
    "order_entered": (
        "approval",
        "authorization",
        "court",
        "order",
        "judge",
        "granted",
        "granting",
        "approving",
        "blessing",
    ),
    "hearing": ("hearing", "heard", "before the court"),
    "adversary_proceeding": ("proceeding", "against", "sued", "sues"),
    "award": WORDS,
    "judgment": JUDGMENT_WORDS,
    "financing": ("financing", "facility", "loan", "money", "funding", "borrow"),
    "asset_sale": ("sale", "sold", "bid", "agreement", "sell", "auction"),
    "plan_filed": ("plan",),
    "plan_confirmed": ("order", "plan", "emerge"),
    "emergence": ("emerg", "terminating", "plan", "effective", "exit", "came out", "complet", "conclud", "consummat"),
    "conversion": ("conver",),
    "dismissal": ("dismiss", "threw"),
    "delisting": ("list", "trading"),
}
# searched in the folded sentence (only offsets are read), and only when it holds one of the rule's words
GATED_RULES = tuple((kind, lowered(rx), RULE_WORDS[kind]) for kind, rx in _RULES)
PETITION_LOW = GATED_RULES[0][1]
GATE_WORDS = tuple(dict.fromkeys(w for _, _, words in GATED_RULES for w in words))  # each rule's words, once
