"""Stance and the claim's sentence on invented sentences: general rules of news English (issue 14)."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def one(claims, needle):
    found = [c for c in claims if needle in c["content"]]
    assert len(found) == 1, [c["content"] for c in claims]
    return found[0]


@pytest.mark.parametrize("sentence, needle, stance, polarity", [
    # hedged: the hedge makes it possible
    ("Inspector Mara Voss said the fire was likely caused by a faulty heater.", "faulty heater", "possible", "positive"),
    ("Inspector Mara Voss said the fire was probably started in the kitchen.", "kitchen", "possible", "positive"),
    ("Inspector Mara Voss said the blaze appeared to be an accident.", "accident", "possible", "positive"),
    ("Inspector Mara Voss said the evidence suggests that the wiring failed.", "wiring failed", "possible", "positive"),
    ("Inspector Mara Voss said she believes the owner was not at home.", "owner was not", "possible", "negative"),
    ("Inspector Mara Voss believes the fire was set deliberately.", "set deliberately", "possible", "positive"),
    ("Inspector Mara Voss said the most likely cause was a cigarette.", "cigarette", "possible", "positive"),
    ("Inspector Mara Voss said there does not appear to be any link between the fires.", "link between", "possible", "negative"),
    # a hedging adverb that opens the statement, wherever the parser hangs it
    ("\"Apparently, this fire is also connected with the fact that, having started two blazes last week, the arsonists are "
     "now not reaching their targets - these attempts are failing,\" Voss told reporters.", "Apparently", "possible", "positive"),
    # a consequence of a condition, even one the parser splits, or a counterfactual: asserted, no forecast
    ("If the water level in the tank used to cool the old turbine falls below 12 metres, it will be impossible to keep "
     "pumping, Voss noted.", "impossible to keep", "asserted", "positive"),
    ("Inspector Mara Voss said the crisis would not even exist had the owner not cut the budget.", "crisis would", "asserted", "negative"),
    ("Inspector Mara Voss said the fire would reach the village by Friday.", "village", "predicted", "positive"),
    # a framing verb the tagger takes for a plural noun ("judges" NNS) still frames its clause
    ("Voss told the council: \"On the basis of the deep knowledge and analysis of our fire and arson experts, the "
     "regional government judges that the blaze was likely caused by a cigarette.\"", "blaze was likely", "possible", "positive"),
    # a confidence that X states X, with X's polarity
    ("Inspector Mara Voss said the agency has a “high degree of confidence” that the owner did not start the fire.",
     "owner did not", "asserted", "negative"),
    ("Inspector Mara Voss said she is confident that the owner did not start the fire.", "owner did not", "asserted", "negative"),
    ("Inspector Mara Voss said there is high confidence that the owner did not start the fire.", "owner did not", "asserted", "negative"),
    ("Inspector Mara Voss said the agency has confidence in the owner.", "confidence in", "asserted", "positive"),
    # "not definitive" in quotation marks: the "not" hangs on the adjective
    ("While Inspector Mara Voss said the test was “not definitive”, the police said it was shared.", "test was", "unconfirmed", "positive"),
    # the polarity is that of what a finding or a framing relative clause states
    ("The spokesperson said our current assessment is that the crew was not responsible.", "crew", "asserted", "negative"),
    ("The mayor said the police showed him evidence that suggests the fire likely was not set on purpose.", "on purpose", "possible", "negative"),
    ("The mayor said the police showed him evidence of a break-in.", "break-in", "asserted", "positive"),
    # evidence "inconsistent with" an account says it is not so
    ("The inspector said the scorch marks were inconsistent with an electrical fire.", "electrical fire", "asserted", "negative"),
    # "unlikely" is a hedged no, unless what is unlikely is a figure's bound (the quantity turns)
    ("Inspector Mara Voss said it is highly unlikely that the heater was to blame.", "heater", "possible", "negative"),
    ("Inspector Mara Voss said the blaze is improbable to have started outside.", "started outside", "possible", "negative"),
    ("Inspector Mara Voss said there is unlikely to be much more than two days of water left.", "water left", "possible", "positive"),
    # not confirming: unconfirmed, polarity that of the report
    ("Inspector Mara Voss said it was unclear what caused the fire.", "caused the fire", "unconfirmed", "positive"),
    ('"We don\'t know what started it," Inspector Mara Voss said.', "started it", "unconfirmed", "positive"),
    ("Inspector Mara Voss said it is not yet known how many homes were lost.", "homes were lost", "unconfirmed", "positive"),
    ("Inspector Mara Voss said there was no confirmation of any deaths.", "deaths", "unconfirmed", "positive"),
    ("Inspector Mara Voss said the first findings were not conclusive.", "findings", "unconfirmed", "positive"),
    ("Inspector Mara Voss said it was too early to say what caused the blaze.", "blaze", "unconfirmed", "positive"),
    ("Inspector Mara Voss said her team was working with the police to determine what happened.", "determine", "unconfirmed", "positive"),
    ("Inspector Mara Voss said investigators were still examining the wreckage.", "wreckage", "unconfirmed", "positive"),
    ("The premier said the province was taking all necessary steps to determine what caused the flood.", "flood", "unconfirmed", "positive"),
    ("The premier said her cabinet was taking steps to form its own understanding of what happened.", "what happened", "unconfirmed", "positive"),
    ("The premier said the province took steps to protect the dikes.", "dikes", "asserted", "positive"),
    ("The fire service declined to say whether anyone was hurt.", "anyone was hurt", "unconfirmed", "positive"),
    ("The ministry stopped short of confirming that the convoy had crossed the border.", "convoy had crossed", "unconfirmed", "positive"),
    ("The mayor stopped short of blaming the army for the flood.", "the army", "unconfirmed", "positive"),
    ("The minister went as far as saying that the dam was mined.", "dam was mined", "asserted", "positive"),
    ("The fire service would not say whether anyone was hurt.", "anyone was hurt", "unconfirmed", "positive"),
    ("Officials said it remained to be seen whether the ferry would run.", "ferry", "unconfirmed", "positive"),
    ("The coast guard referred all questions about the divers to the navy.", "questions", "unconfirmed", "positive"),
    ("The mayor referred to the flood of 1998.", "flood", "asserted", "positive"),  # speaking of something
    # denial by evaluation, outside "be + adjective"
    ("The mayor dismissed the reports as a provocation.", "provocation", "denied", "positive"),
    ("The mayor called the video fake.", "video", "denied", "positive"),
    ("The mayor called the claims lies.", "claims", "denied", "positive"),  # "lies" tagged a verb
    ("The council described the allegations as fake.", "allegations", "denied", "positive"),
    ("The mayor said the claims were lies.", "lies", "denied", "positive"),
    # "did not deny" leaves it open
    ("The mayor did not deny that the budget had been cut.", "budget", "possible", "positive"),
    # forecasts
    ("Forecasters expect the storm to reach the coast by Friday.", "storm", "predicted", "positive"),
    ("The company said the plant is set to close next year.", "plant", "predicted", "positive"),
    ("Forecasters predicted that there were two days of rain left.", "rain left", "possible", "positive"),
    ("Economists predict a recession.", "recession", "predicted", "positive"),
    # no evidence: a negative assertion
    ("The police said there was no evidence of foul play.", "foul play", "asserted", "negative"),
    ("The police said none of the witnesses saw the driver.", "witnesses", "asserted", "negative"),
    # unchanged: plain statements and confirmations
    ("The police said the road was reopened on Monday.", "road", "asserted", "positive"),
    ('"I can confirm that the bridge is closed," the mayor said.', "bridge", "confirmed", "positive"),
    # a speaker's "can" on a verb of saying is the act, not a possibility
    ('"We can state unequivocally that the dam was sabotaged," the minister said.', "sabotaged", "asserted", "positive"),
    ('"We can firmly reject this," the ministry spokesman said.', "reject", "denied", "positive"),
    # "impossible for it to have happened" denies it; "impossible to predict" cannot tell
    ('The engineer said it was "impossible" for the bridge to have collapsed on its own.', "collapsed", "denied", "positive"),
    ("The engineer said it was impossible to predict how many homes would flood.", "homes would flood", "unconfirmed", "positive"),
    # a conditional's consequence says how things work: asserted
    ("The engineer said that if the river rises further, it will be impossible to keep the road open.", "road open", "asserted", "positive"),
    ("The engineer said that if the level drops below 12 metres, the pumps could stop working.", "pumps", "asserted", "positive"),
    # leaning towards a view holds it as possible
    ("Investigators are leaning towards a faulty valve being the cause of the leak.", "faulty valve", "possible", "positive"),
    # acknowledging a reported point confirms it; not acknowledging it leaves it unconfirmed
    ("The newspaper admitted that its coverage of the fire was sloppy.", "sloppy", "confirmed", "positive"),
    ("The council acknowledged that the bridge had been closed for a week.", "bridge", "confirmed", "positive"),
    ("The council did not acknowledge that the bridge had been closed.", "bridge", "unconfirmed", "positive"),
    # calling a report bogus or spurious denies it
    ("The minister said the reports were bogus.", "reports", "denied", "positive"),
    ("The coach called the rumours spurious.", "rumours", "denied", "positive"),
    # a relayed denial is a denial
    ("The agency said the government rejected accusations that it had ignored the warnings.", "ignored the warnings", "denied", "positive"),
    # evidence that fits is a finding stated (asserted); a named suspicion is possible
    ("The navy said its sensors detected a sound consistent with an explosion.", "explosion", "asserted", "positive"),
    ("The inspector said the scorch marks are consistent with an electrical fire.", "electrical fire", "asserted", "positive"),
    ("The navy said the sensors picked up what officials suspect was an explosion.", "explosion", "possible", "positive"),
    # "suggest" as the cue is a hedged reading, whoever suggests it
    ("Two officials suggested that the army was responsible for the fire.", "army", "possible", "positive"),
    ("The survey suggests the lake is shrinking.", "lake", "possible", "positive"),
    # judgement deferred
    ("The premier said her government would study the evidence before reaching any firm conclusion.", "evidence", "unconfirmed", "positive"),
    ("The army said the soldiers are not at the border yet.", "soldiers", "asserted", "negative"),
    # not (yet) done: "has yet to confirm", "failed to verify", "neither confirmed nor denied"
    ("The navy has yet to confirm the number of sailors.", "sailors", "unconfirmed", "positive"),
    ("The board has yet to comment on the merger talks.", "merger", "unconfirmed", "positive"),
    ("The council failed to verify the figures.", "figures", "unconfirmed", "positive"),
    ("Lisbon has neither confirmed nor denied the reports of a merger.", "merger", "unconfirmed", "positive"),
    ("The club did not confirm or deny the transfer rumours.", "transfer", "unconfirmed", "positive"),
    ("The club said it could neither confirm nor deny the transfer rumours.", "transfer", "unconfirmed", "positive"),
    ("The navy has already confirmed the number of sailors.", "sailors", "confirmed", "positive"),
    ("The club denied the transfer rumours.", "transfer", "denied", "positive"),
    # no information to give; not ruling out is leaving open
    ("The spokesman said he had no information about the missing ferry.", "ferry", "unconfirmed", "positive"),
    ("The spokesman said he had information about the missing ferry.", "ferry", "asserted", "positive"),
    ("The police said they could not rule out that the fire was set deliberately.", "deliberately", "possible", "positive"),
    ("The police said they could not exclude that the fire was set deliberately.", "deliberately", "possible", "positive"),
    # no word given: "does not comment on", "nothing to say", "not aware of", "did not respond"
    ("The embassy said it does not comment on the merger talks.", "merger", "unconfirmed", "positive"),
    ('"We have nothing to say on the merger," the spokesman said.', "merger", "unconfirmed", "positive"),
    ("The spokesman said he was not aware of the merger talks.", "merger", "unconfirmed", "positive"),
    ("The club did not respond to questions about the merger.", "merger", "unconfirmed", "positive"),
    ("The spokesman said he was aware of the merger talks.", "merger", "asserted", "positive"),
    # a label of falsehood the parser hangs on the report it labels
    ('The ministry labelled the merger reports "another hoax".', "merger", "denied", "positive"),
    # ... or reads as an adjective after the object's last noun
    ("The envoy called the statements of the opposition about alleged sales of tanks to Chad fake.", "tanks", "denied", "positive"),
    ("The envoy called the statements of the opposition about the sale of tanks untrue.", "tanks", "denied", "positive"),
    ("The envoy called the statements of the opposition about the sale of tanks important.", "tanks", "asserted", "positive"),
    ('"The part about the tanks is correct, we sold Chad a few of them last year," the minister said.', "sold", "confirmed", "positive"),
    ('"The tanks arrived, we sold Chad a few of them last year," the minister said.', "sold", "asserted", "positive"),
    ('The navy says it has "with a high degree of probability" sunk a smuggling boat.', "smuggling", "possible", "positive"),
    ("The navy says the boat was in all likelihood sunk by a mine.", "mine", "possible", "positive"),
    ("The navy says it has with a high degree of confidence sunk a smuggling boat.", "smuggling", "asserted", "positive"),
    ('The governor added: "While the inquiry goes on, I will say again: the damage to the dikes is a disaster."', "dikes", "asserted", "positive"),
    ('The governor added: "I will say again: the town would still stand had the army kept the dikes."', "dikes", "asserted", "positive"),
    # a wish to say is the saying: "I would like to reiterate that X" is X, now; a wish to do is still to come
    ('The envoy said: "I would like to reiterate that Portugal is not a party to the dispute."', "party to", "asserted", "positive"),
    ("The envoy said he would like to visit the port next year.", "visit the port", "predicted", "positive"),
    ('The governor added: "I will say more about the dikes next week."', "dikes", "predicted", "positive"),
    ('The diver said he finds stories of "knocking" below deck "pretty spurious".', "knocking", "denied", "positive"),
    ("The minister accused the opposition of spreading lies.", "opposition", "asserted", "positive"),
    ("The ministry said the channel is a source of disinformation.", "channel", "asserted", "positive"),
    ("The minister said the campaign was built on lies.", "campaign", "asserted", "positive"),
    # hearsay hedges on the main clause: what the speaker passes on, not states
    ("The ministry said the barges had reportedly left the quay.", "barges", "possible", "positive"),
    ("The club said the player had allegedly broken the rules.", "player", "possible", "positive"),
    ("The quay, which reportedly flooded in May, is closed, the mayor said.", "closed", "asserted", "positive"),
    # a claim called a provocation is denied; an act called one is not
    ("The ministry said the reports were an information provocation.", "reports", "denied", "positive"),
    ("The ministry said the border incident was a provocation.", "incident", "asserted", "positive"),
    # a report called wrong, spread for a purpose, or named a falsehood that others spread is denied
    ('"The part about the tanks is completely wrong," the minister said.', "tanks", "denied", "positive"),
    ("The envoy said the allegations about the arms sales were spread by foreign media.", "arms sales", "denied", "positive"),
    ('"The published news about the loan has political ambitions," the envoy said.', "loan", "denied", "positive"),
    ("The envoy said the rebels and their patrons are trying to spin another fake about the convoy.", "convoy", "denied", "positive"),
    ("The envoy said rival states were waging a disinformation campaign against Lisbon.", "Lisbon", "denied", "positive"),
    ('"It is wrong to shell hospitals," the envoy said.', "hospitals", "asserted", "positive"),
    ("The envoy said the allegations about the arms sales were published on Monday.", "arms sales", "asserted", "positive"),
    # a reported point affirmed, or conceded with a stressed "did", is confirmed
    ('"The part about the tanks is correct," the minister said.', "tanks", "confirmed", "positive"),
    ('"We did send a small number of tanks before the war," the minister said.', "tanks", "confirmed", "positive"),
    ('"We did not send any tanks," the minister said.', "tanks", "asserted", "negative"),
    ('"We sent a small number of tanks," the minister said.', "tanks", "asserted", "positive"),
    # an intention in the present, or a forecast inside what the evidence shows, is predicted
    ("The envoy said the firm is preparing to ship the turbines to Lisbon.", "turbines", "predicted", "positive"),
    ("The envoy said the firm plans to ship the turbines to Lisbon.", "turbines", "predicted", "positive"),
    ("The envoy said the blast was intended to cut the town's water supply.", "water supply", "asserted", "positive"),
    ("The envoy said intelligence indicates the firm will begin shipping turbines this month.", "turbines", "predicted", "positive"),
    ("The envoy said his office has information that shows the firm is preparing to sell the turbines.", "turbines", "predicted", "positive"),
    # a claim said to have no basis, claims opposed as false, "far from the truth": denied
    ("The envoy told reporters: \"Such allegations have no basis.\"", "no basis", "denied", "positive"),
    ("The envoy said the reports lack any foundation.", "foundation", "denied", "positive"),
    ("The envoy said Lisbon firmly rejects baseless accusations and political games.", "accusations", "denied", "positive"),
    ("The envoy said: \"I can say that nothing could be further from the truth.\"", "truth", "denied", "positive"),
    ("The envoy said the policy has no basis in law.", "policy", "asserted", "positive"),  # no claim said baseless
    ("The envoy said the estimate is not far from the truth.", "estimate", "asserted", "negative"),
    # unable to comment: nothing said
    ("The envoy said he was unable to provide any comments on the matter.", "comments", "unconfirmed", "positive"),
    # a label of falsehood set before the report it names
    ("The envoy denounced as \"unfounded\" a report by the rights group on the strike.", "report by", "denied", "positive"),
    # a noun cue says what its verb says
    ("The talks come after previous denials by Lisbon that it had sold rifles to Madrid.", "rifles", "denied", "positive"),
    # a warning off remarks called reckless or false denies them; a warning off an act does not
    ("Lisbon warned parties to the dispute against making \"irresponsible remarks.\"", "remarks", "denied", "positive"),
    ("Lisbon cautioned Madrid against spreading baseless rumours.", "rumours", "denied", "positive"),
    ("Lisbon warned residents against returning to the flooded area.", "returning", "asserted", "positive"),
    ("Lisbon warned the press against making remarks about the inquiry.", "remarks", "asserted", "positive"),
    # the warning said in the quote: the reckless remarks are not to be made
    ('The envoy said: "We urge the parties concerned to not release irresponsible remarks."', "remarks", "denied", "positive"),
    ("The envoy urged Madrid to stop spreading false rumours about the rifles.", "rumours", "denied", "positive"),
    ("The envoy urged Madrid to read the irresponsible remarks again.", "remarks", "asserted", "positive"),
    # a question sent on to someone else is not answered
    ('The envoy said: "The question about the rifles should be addressed to the Defence Ministry."', "rifles", "unconfirmed", "positive"),
    ("The envoy said questions should be directed to the harbour police.", "questions", "unconfirmed", "positive"),
    ("The envoy said the letter should be addressed to the harbour police.", "letter", "asserted", "positive"),
])
def test_stance_rules(claims_of, sentence, needle, stance, polarity):
    c = one(claims_of(sentence), needle)
    assert (c["stance"], c["polarity"]) == (stance, polarity)


def test_as_far_as_i_know_is_a_hedge_but_not_a_doubt(claims_of):
    c = one(claims_of('"As far as I know, the road is not open," the mayor said.'), "road")
    assert c["hedge"] == "As far as I know" and (c["stance"], c["polarity"]) == ("asserted", "negative")


def test_sentence_holds_cue_and_content(claims_of):
    text = 'The army confirmed the deployment. "We are ready," General Tomas Ruiz said.'
    claims = claims_of(text)
    assert one(claims, "deployment")["sentence"] == "The army confirmed the deployment."
    assert one(claims, "ready")["sentence"] == '"We are ready," General Tomas Ruiz said.'


@pytest.mark.parametrize("sentence, needle", [
    ("The governor said that all responsibility lies with the contractor.", "responsibility"),
    ("The governor said evacuation is possible only by boat.", "evacuation"),
    ("The governor said the possible loss of the bridge worries the town.", "loss of the bridge"),
])
def test_words_that_only_look_like_stance(claims_of, sentence, needle):
    assert one(claims_of(sentence), needle)["stance"] == "asserted"


def test_reaffirming_ones_own_position_asserts_it(claims_of):
    c = one(claims_of("The ministry reaffirmed that Lisbon had not sold any barges to Porto."), "barges")
    assert (c["stance"], c["polarity"]) == ("asserted", "negative")
    c = one(claims_of("The ministry acknowledged that Lisbon had sold barges to Porto."), "barges")
    assert c["stance"] == "confirmed"


def test_a_position_or_view_takes_the_polarity_of_its_clause(claims_of):
    c = one(claims_of("The envoy reiterated his government's position that Lisbon was not selling barges to Porto."), "barges")
    assert (c["stance"], c["polarity"]) == ("asserted", "negative")
