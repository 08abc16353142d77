"""Attribution on hand-written sentences (our own wording), one form per test."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def one(claims, needle):
    found = [c for c in claims if needle in c["content"]]
    assert len(found) == 1, [c["content"] for c in claims]
    return found[0]


def test_direct_quote_after_cue_several_sentences_share_source_and_cue(claims_of):
    text = ('"The dam is holding. We have moved everyone out of the valley," '
            "Regional Governor Maria Lopes said on Monday.")
    claims = claims_of(text)
    assert [c["content"] for c in claims] == ["The dam is holding.", "We have moved everyone out of the valley"]
    assert {c["source"]["name"] for c in claims} == {"Maria Lopes"}
    assert claims[0]["source"]["role"] == "Regional Governor"
    assert claims[0]["cue_span"] == claims[1]["cue_span"] and claims[0]["cue"] == "say"
    assert all(c["mode"] == "direct" for c in claims)


def test_direct_quote_before_cue_with_colon(claims_of):
    claims = claims_of('The ministry spokesman Tomas Berg said: "No convoy has crossed the border."')
    c = one(claims, "No convoy")
    assert c["source"]["name"] == "Tomas Berg" and c["mode"] == "direct"


def test_speaker_after_a_dash(claims_of):
    claims = claims_of("\u201cWe will rebuild every school in the district.\u201d \u2014 Anna Novak")
    c = one(claims, "rebuild every school")
    assert c["source"]["name"] == "Anna Novak"


def test_unbalanced_quote_does_not_crash_and_is_extracted(claims_of):
    claims = claims_of('Mayor Piotr Zielinski said: "the bridge will stay closed until the inspection ends\n\nTraffic was diverted.')
    c = one(claims, "bridge will stay closed")
    assert c["source"]["name"] == "Piotr Zielinski"
    assert c["stance"] == "predicted"


def test_reported_speech_with_that_and_pronoun_resolution(claims_of):
    text = ("Finance Minister Lena Holm said that the deficit had narrowed in the third quarter. "
            "She added that tax revenue was higher than forecast.")
    claims = claims_of(text)
    first, second = claims
    assert first["source"]["name"] == second["source"]["name"] == "Lena Holm"
    assert first["mode"] == second["mode"] == "indirect"
    assert (first["cue"], second["cue"]) == ("say", "add")
    assert second["source"]["mention"] == "She"
    assert second["source"]["role"] == "Finance Minister"


def test_description_resolves_to_the_person_named_before(claims_of):
    text = ("Dutch Foreign Minister Karel Janssen met his counterpart in Oslo. "
            "The Dutch foreign minister noted that the talks had gone well.")
    c = one(claims_of(text), "talks had gone well")
    assert c["source"]["name"] == "Karel Janssen" and c["cue"] == "note"


def test_passive_stated_by(claims_of):
    text = "Exports fell by a fifth this year.\n\nThis was stated by trade commissioner Ruth Adler at a briefing."
    c = one(claims_of(text), "Exports fell")
    assert c["source"]["name"] == "Ruth Adler" and c["cue"] == "state"


def test_stated_by_after_a_paragraph_takes_the_paragraph(claims_of):
    # "This was stated by X" opening its own paragraph: "this" is the paragraph before, a claim a sentence
    text = ("Exports fell by a fifth this year. The decline may continue into spring.\n\n"
            "This was stated by trade commissioner Ruth Adler at a briefing.")
    claims = claims_of(text)
    assert [(c["source"]["name"], c["content"]) for c in claims] == [
        ("Ruth Adler", "Exports fell by a fifth this year."), ("Ruth Adler", "The decline may continue into spring.")]
    # a sentence that holds a claim of its own stops it; inside a paragraph "this" is the sentence before
    text = ("Fighting raged all week. The ministry said the bridge was closed. The ferry will run all night.\n\n"
            "This was stated by the mayor.")
    assert [c["content"] for c in claims_of(text) if c["source"]["name"] == "mayor"] == ["The ferry will run all night."]
    text = "Exports fell by a fifth. The decline may continue. This was stated by trade commissioner Ruth Adler."
    assert [c["content"] for c in claims_of(text)] == ["The decline may continue."]


def test_a_statement_named_after_it_is_the_speakers(claims_of):
    # "X said this on Facebook", "The relevant statement was made by X", "This is stated in a
    # report by X": the paragraph before is what X said
    before = "Exports fell by a fifth this year. The decline may continue into spring.\n\n"
    for after, speaker in (("Ruth Adler said this on Facebook on Monday.", "Ruth Adler"),
                           ("The relevant statement was made by trade commissioner Ruth Adler in an interview.", "Ruth Adler"),
                           ("This is stated in a report by the Institute for Trade Studies.", "Institute for Trade Studies")):
        claims = claims_of(before + after)
        assert [(c["source"]["name"], c["content"]) for c in claims] == [
            (speaker, "Exports fell by a fifth this year."), (speaker, "The decline may continue into spring.")], after
    # not the text itself, nor a "this" with nothing before it, nor another cue's object
    assert not claims_of(before + "I write this because the figures matter.")
    assert not claims_of("Ruth Adler said this on Facebook.")
    assert [c["content"] for c in claims_of(before + "They cannot blame this on the weather.")] == ["The decline may continue into spring."]
    assert [c["content"] for c in claims_of(before + "This was rejected by the council.")] == ["The decline may continue into spring."]


def test_according_to(claims_of):
    c = one(claims_of("According to the port authority, three ships were damaged in the storm."), "three ships")
    assert c["mode"] == "according_to" and c["cue"] == "according to"
    assert c["source"]["name"].lower() == "port authority"


def test_according_to_in_mid_sentence_credits_the_clause_before_when_the_rest_carries_it_on(claims_of):
    c = one(claims_of("Some 9,000 households lost power, according to the grid operator, though that could rise to 12,000."),
            "9,000 households")
    assert c["source"]["name"].lower() == "grid operator" and c["content"] == "Some 9,000 households lost power"
    # the longer side after the phrase is still the content when it is a statement of its own
    c = one(claims_of("According to the grid operator, some 9,000 households lost power overnight in the north."), "9,000")
    assert c["content"].startswith("some 9,000 households")


def test_outlet_chain_gives_via(claims_of):
    text = "According to Daily Courier, citing Reuters, this was stated by Senator Paul Grant."
    claims = claims_of(text)
    assert len(claims) == 1
    assert claims[0]["source"]["name"] == "Paul Grant"
    assert claims[0]["via"] == ["Daily Courier", "Reuters"]


def test_unattributed_report(claims_of):
    c = one(claims_of("It was reported that two generals had resigned."), "two generals")
    assert c["mode"] == "unattributed" and c["source"]["kind"] == "unnamed"


def test_an_agentless_passive_act_is_no_ones_claim_but_a_judgement_is(claims_of):
    text = ("Hundreds of villagers were ordered to leave on Friday. Others were urged to climb to the roofs. "
            "Divers followed what was described as a knocking sound. The bakery was warned about its wiring. "
            "Two pumps have been focused on the lower town. The consulate was attacked overnight.")
    assert claims_of(text) == []
    c = one(claims_of("The harbour master has been blamed for the collision."), "collision")
    assert c["mode"] == "unattributed" and c["cue"] == "blame"


def test_putting_a_figure_at_a_number_is_an_estimate(claims_of):
    c = one(claims_of("The river authority put the number of flooded homes at 1,200 on Friday."), "1,200")
    assert (c["source"]["name"], c["cue"]) == ("river authority", "put")
    assert c["content"].startswith("the number of flooded homes at 1,200")
    # a bare "the figure" names nothing: the content is the figure on, as PolNeAR marks it
    c = one(claims_of("A rival institute puts the figure at $40 million, assuming no new tenants."), "$40 million")
    assert c["content"] == "$40 million, assuming no new tenants" and c["cue"] == "put"
    # a named estimate inside an outlet's report stands, the outlet's report too
    found = claims_of("One official put the death toll even lower, at or below 40 people, the newspaper reported.")
    assert {x["cue"] for x in found} == {"put", "report"}
    put = next(x for x in found if x["cue"] == "put")
    assert "official" in put["source"]["name"] and put["content"].startswith("the death toll even lower")
    assert claims_of("She put the vase at the end of the table.") == []


def test_estimating_or_pegging_a_figure_at_a_number(claims_of):
    # the parser hangs "at" on the object here ("estimated [the repair bill at ...]")
    c = one(claims_of("The insurers estimated the repair bill at 2 billion dollars."), "2 billion")
    assert (c["source"]["name"], c["cue"]) == ("insurers", "estimate")
    assert c["content"].startswith("the repair bill at 2 billion dollars")
    c = one(claims_of("Local officials pegged the number of missing hikers at 40."), "40")
    assert (c["source"]["name"], c["cue"], c["content"]) == ("Local officials", "peg", "the number of missing hikers at 40")
    c = one(claims_of("The governor placed the death toll at 12 on Tuesday."), "12")
    assert c["cue"] == "place" and c["content"].startswith("the death toll at 12")
    # "placed" gives a figure only for a figure: troops at a border are an act
    assert claims_of("The general placed 200 troops at the border.") == []


def test_nested_report_keeps_the_named_inner_source(claims_of):
    c = one(claims_of("Earlier it was reported that Defence Secretary John Price confirmed the withdrawal of the troops."), "withdrawal")
    assert c["source"]["name"] == "John Price"
    assert c["stance"] == "confirmed"
    assert c["reported_by"] == "unnamed reports"


def test_a_speaker_relayed_by_an_outlet_is_the_originator(claims_of):
    # whatever the inner cue: the outlet relays, the named speaker denies or blames
    cs = claims_of("The rebels denied the accusation, the Daily Courier reported.")
    inner = one([c for c in cs if c["cue"] == "deny"], "accusation")
    assert inner["source"]["name"] == "rebels" and inner["stance"] == "denied"
    assert inner["via"] == ["Daily Courier"]
    cs = claims_of("Mayor Lena Ortiz blamed the utility for the blackout, the outlet noted.")
    inner = one([c for c in cs if c["cue"] == "blame"], "utility")
    assert inner["source"]["name"] == "Lena Ortiz" and inner["via"] == ["outlet"]
    # not when the outer speaker is no outlet, nor for a pronoun, nor for what a sensor perceived
    assert [c["cue"] for c in claims_of("The minister denied the report, a government spokesman said.")] == ["say"]
    assert [c["cue"] for c in claims_of("He denied it, the paper said.")] == ["say"]
    assert [c["cue"] for c in claims_of("The sonar system heard a loud bang, the newspaper reported.")] == ["report"]
    # an act the outlet reports stays the outlet's report
    assert [c["cue"] for c in claims_of("Mayor Lena Ortiz proposed a ban on fireworks, the Daily Courier reported.")] == ["report"]


@pytest.mark.parametrize("sentence, name", [
    # a place or people only describes who spoke: the description is the source, not the place
    ("The Norwegian foreign ministry said the ferry had sunk.", "Norwegian foreign ministry"),
    ("Officials in Bergen said the ferry had sunk.", "Officials in Bergen"),
    ("A spokesman for the Danish embassy said the ferry had sunk.", "spokesman for the Danish embassy"),
    ("Residents of the Vik village said the ferry had sunk.", "Residents of the Vik village"),
    ("Two Danish officials and one Swedish official said the ferry had sunk.", "Two Danish officials and one Swedish official"),
    # a body in the phrase is whom they speak for
    ("Officials from the Norwegian Coastal Administration said the ferry had sunk.", "Norwegian Coastal Administration"),
])
def test_a_description_with_a_place_is_the_source(claims_of, sentence, name):
    assert one(claims_of(sentence), "ferry")["source"]["name"] == name


def test_a_picture_that_shows_is_a_caption(claims_of):
    assert claims_of("An undated photo shows the ferry leaving port.") == []
    assert claims_of("Photos from the wharf show what appeared to be pieces of the ferry.") == []
    # under "according to X" what the images show is X's reading; a video is evidence
    c = one(claims_of("According to the navy, satellite images show the dam was breached."), "breached")
    assert c["source"]["name"] == "navy"
    assert one(claims_of("A video posted online shows the ferry sinking."), "sinking")["cue"] == "show"


def test_a_while_clause_before_the_frame_is_said_too(claims_of):
    # counts on both sides: a claim each, as coordinated counts are
    cs = claims_of("More than 2,000 people have been moved to shelters, while 12 people were still missing "
                   "and some 900 homes remained under water, the regional ministry said on Sunday.")
    assert sorted(c["content"] for c in cs) == ["12 people were still missing",
                                               "More than 2,000 people have been moved to shelters",
                                               "some 900 homes remained under water"]
    assert {c["source"]["name"] for c in cs} == {"regional ministry"}
    # otherwise the clause joins the content
    c = one(claims_of("The bridge is safe, while the tunnel must stay closed, the mayor said."), "bridge")
    assert c["content"] == "The bridge is safe, while the tunnel must stay closed"


def test_a_lead_that_holds_the_name_back_gives_it_next(claims_of):
    text = ("A senior lawmaker said on Monday the budget would fail. "
            "Senator Maria Kovacs made the comments at a town hall in Dover.")
    cs = claims_of(text)
    # the speaker is the senator; "made the comments at a town hall" reports nothing new
    assert [(c["source"]["name"], c["content"]) for c in cs] == [("Maria Kovacs", "the budget would fail")]
    assert cs[0]["source"]["role"] == "senior lawmaker"
    # a next sentence about something else names no one
    cs = claims_of("A senior lawmaker said on Monday the budget would fail. Senator Maria Kovacs left for Dover.")
    assert cs[0]["source"]["name"] == "A senior lawmaker"


def test_a_bare_surname_the_tagger_missed_is_the_person_named_before(claims_of):
    cs = claims_of("Professor Ghassan Abu Sitta said the report was unfounded. "
                   "Sitta highlighted that the authors never called the director.")
    assert [c["source"]["name"] for c in cs] == ["Ghassan Abu Sitta", "Ghassan Abu Sitta"]
    assert cs[1]["source"]["kind"] == "person"


def test_continuation_sentence_carries_the_source(claims_of):
    text = "Colonel Ivan Petrenko said that the new unit had finished training. They will move to the coast next week."
    claims = claims_of(text)
    c = one(claims, "move to the coast")
    assert c["mode"] == "continuation" and c["source"]["name"] == "Ivan Petrenko"
    assert c["stance"] == "predicted"
    # a sentence about the act of saying is no more of what was said
    text = "Colonel Ivan Petrenko said that the new unit had finished training. He made the remarks at a base near Lviv."
    assert [c["content"] for c in claims_of(text)] == ["that the new unit had finished training"]


def test_a_sentence_of_figures_after_an_estimate_carries_the_estimate(claims_of):
    text = ("The Red Cross estimates that the storm left at least 30 villages flooded. Around 9,000 people were "
            "affected on the coast. In the hills, that number rises to 14,000.")
    claims = claims_of(text)
    for part in ("Around 9,000 people", "rises to 14,000"):
        c = one(claims, part)
        assert c["mode"] == "continuation" and c["source"]["name"] == "Red Cross"
    # after a plain "said", a sentence of figures is the writer's; so is one with a named subject
    text = ("The Red Cross said the storm left at least 30 villages flooded. Around 9,000 people were affected "
            "on the coast.")
    assert [c["content"] for c in claims_of(text)] == ["the storm left at least 30 villages flooded"]
    text = ("The Red Cross estimates that the storm left at least 30 villages flooded. Greece sent 40 boats.")
    assert len(claims_of(text)) == 1


def test_a_while_clause_report_is_a_claim_of_its_own(claims_of):
    # the small model hangs the "that" clause beside "claims", on the main verb
    text = ("While the health ministry claims that around 500 people died, the intelligence community "
            "has put the figure at 100-300 people killed.")
    claims = claims_of(text)
    c = one(claims, "500 people died")
    assert c["source"]["name"] == "health ministry" and c["cue"] == "claim"
    assert "100-300" not in c["content"]
    assert any("100-300" in x["content"] and x["source"]["name"] == "intelligence community" for x in claims)


def test_a_record_of_what_was_said_is_not_its_source(claims_of):
    text = ('According to a transcript, the mayor said the bridge would reopen. The port chief Lin said: '
            '"Let me stress that the harbour stays open to all ships," according to a video of his news conference.')
    claims = claims_of(text)
    assert one(claims, "bridge would reopen")["source"]["name"] == "mayor"
    assert one(claims, "harbour stays open")["source"]["name"] == "Lin"
    assert all(c["cue"] != "according to" for c in claims)
    # a record of something other than a saying is a source like any other; so is a complaint
    claims = claims_of("According to a video posted online, the bridge collapsed at noon. "
                       "According to the complaint, Smith said the payments were made.")
    assert [c["cue"] for c in claims] == ["according to", "according to"]


def test_media_source_kind(claims_of):
    c = one(claims_of("The Washington Post wrote that the talks had collapsed."), "talks had collapsed")
    assert c["source"]["kind"] == "media" and c["cue"] == "write"


@pytest.mark.parametrize("sentence, stance, polarity", [
    ("The army spokesman Olaf Lind said that the report was not true.", "denied", "positive"),
    ("Olaf Lind denied that troops had entered the town.", "denied", "positive"),
    ("Olaf Lind said that the government has not yet confirmed the strike.", "unconfirmed", "positive"),
    ("Olaf Lind said that the rebels could attack the airport.", "possible", "positive"),
    ("Olaf Lind said that the ministry will publish the figures.", "predicted", "positive"),
    ("Olaf Lind confirmed that the convoy had arrived.", "confirmed", "positive"),
    ("Olaf Lind said that the soldiers are not at the border yet.", "asserted", "negative"),
])
def test_stance_and_polarity(claims_of, sentence, stance, polarity):
    (c,) = claims_of(sentence)
    assert (c["stance"], c["polarity"]) == (stance, polarity)


def test_hedge_and_evaluation(claims_of):
    claims = claims_of('"As far as I know, the road is open. This is a shameful decision," Olaf Lind said.')
    road = one(claims, "road is open")
    assert road["hedge"] == "As far as I know" and road["evaluation"] is False
    assert one(claims, "shameful")["evaluation"] is True


def test_scare_quotes_inside_reported_speech_are_not_direct_claims(claims_of):
    claims = claims_of('The agency reported that officials had formed a so-called "volunteer brigade" in the city.')
    assert len(claims) == 1 and claims[0]["mode"] == "indirect"


def test_teaser_lines_are_skipped(claims_of):
    assert claims_of('Watch more: Minister says "the war is over". VIDEO') == []


def test_headings_above_the_body_give_no_claims(claims_of):
    # a headline, a section label and a dateline close no sentence: the body repeats what they say
    text = ("WORLD NEWS\n\nMinister Lena Holm says the ferry sank after a fire\n\nMar 3, 2025, 9:12 AM\n\n"
            "Minister Lena Holm said on Monday that the ferry sank after a fire broke out in its engine room.")
    claims = claims_of(text)
    assert len(claims) == 1 and claims[0]["content"].endswith("engine room")
    # "Name: ..." at the top is a heading too when it closes no sentence
    assert len(claims_of("Navy: the ferry was overloaded\nThe navy said on Monday that the ferry was overloaded.")) == 1
    # a line that closes its sentence is body text, and so is a line that runs on with ";"
    assert len(claims_of("Navy: the ferry was overloaded.\nThe navy said on Monday that it had sent divers.")) == 2
    assert len(claims_of("Navy says the ferry was overloaded;\nThe navy said on Monday that it had sent divers.")) == 2
    # a text of one unfinished line is read whole
    assert len(claims_of("The navy said the ferry had been overloaded with cars")) == 1
    # a statement whose quote runs on past the line is body text
    assert len(claims_of('Mayor Ida Berg said: "the ferry will stay in port until the inquiry ends\nThe port was closed.')) == 1


def test_claim_ids_are_stable_and_offsets_exact(claims_of):
    text = "Analyst Mira Stone said that prices would rise."
    a, b = claims_of(text), claims_of(text)
    assert [c["id"] for c in a] == [c["id"] for c in b]
    for c in a:
        s, e = c["span"]
        assert text[s:e] == c["content"]
        cs, ce = c["source"]["span"]
        assert text[cs:ce] == c["source"]["mention"]


def test_source_span_gives_the_mention_exactly_when_a_whitespace_token_ends_it(claims_of):
    # fuzz finding: the mention was stripped but its span kept the trailing "\xa0" token
    text = "Officials were being told by The Daily Caller,\xa0which unearthed a report, that the bridge was unsafe."
    (c,) = claims_of(text)
    s, e = c["source"]["span"]
    assert c["source"]["mention"] == "The Daily Caller," == text[s:e]


def test_cue_span_holds_the_verbs_adverbs_and_particle(claims_of):
    text = "Senator Ruth Okafor has long said that the tax cuts were too large."
    c = one(claims_of(text), "tax cuts")
    s, e = c["cue_span"]
    assert text[s:e] == "has long said"
    text = "Governor Dan Reyes pointed out that the bridge had been closed twice."
    c = one(claims_of(text), "bridge")
    s, e = c["cue_span"]
    assert text[s:e] == "pointed out"


def test_nested_plain_speech_report_is_its_own_claim(claims_of):
    claims = claims_of("The report says that Alma Ruiz noted that the money was missing.")
    assert [c["cue"] for c in claims] == ["say", "note"]
    assert claims[1]["source"]["name"] == "Alma Ruiz" and claims[1]["content"] == "that the money was missing"


def test_reports_nested_three_deep_each_stand_and_no_deeper(claims_of):
    claims = claims_of("The Courier reported that Mayor Lena Ortiz said that the engineer had written that the bridge was unsafe.")
    assert [c["cue"] for c in claims] == ["report", "say", "write"]
    assert claims[2]["content"] == "that the bridge was unsafe"
    # a run-on of reports, each inside all those before it: no more than three of them
    claims = claims_of('She said "no" ' * 40)
    assert 1 <= len(claims) <= 3, len(claims)


def test_a_second_report_hung_on_a_governed_verb_is_its_own_claim(claims_of):
    # the parser hangs "warned" on "released" (governed by "hoped"), inside the first report
    claims = claims_of("The two sailors told reporters they hoped to be released and warned other fishermen not to sail near the coast.")
    assert [(c["cue"], c["content"]) for c in claims] == [
        ("tell", "they hoped to be released"), ("warn", "other fishermen not to sail near the coast")]
    assert {c["source"]["name"] for c in claims} == {"two sailors"}
    claims = claims_of("Striking miners told the inquiry they expected to be paid soon and urged the company to reopen the pit.")
    assert [c["cue"] for c in claims] == ["tell", "urge"] and claims[0]["content"] == "they expected to be paid soon"


def test_quote_framed_by_the_next_sentence(claims_of):
    claims = claims_of('"Who will pay for the new stadium?" Senator Ines Vidal asked.')
    c = one(claims, "new stadium")
    assert c["source"]["name"] == "Ines Vidal" and c["cue"] == "ask" and c["mode"] == "direct"


def test_transcript_and_headline_speakers(claims_of):
    text = "Poll: Voters trust the mayor on housing.\n\nHOLT: Will you release the audit before the vote?\n"
    claims = claims_of(text)
    assert one(claims, "Voters trust")["source"]["mention"] == "Poll"
    assert one(claims, "release the audit")["source"]["mention"] == "HOLT"


def test_paragraph_after_a_colon_frame(claims_of):
    text = "The governor added:\n\nThe budget will be balanced by spring, and no schools will close.\n"
    c = one(claims_of(text), "budget will be balanced")
    assert c["cue"] == "add" and c["source"]["mention"] == "The governor"


def test_parenthetical_frame_inside_the_content(claims_of):
    text = "To avoid delays, the director said, every ballot will be counted by hand."
    c = one(claims_of(text), "every ballot")
    assert c["cue"] == "say" and c["source"]["mention"] == "the director"
    s, e = c["cue_span"]
    assert text[s:e] == "said"


def test_participle_frames(claims_of):
    c = one(claims_of("Mayor Lena Brandt began by saying that the pool would reopen in June."), "pool would reopen")
    assert c["cue"] == "say" and c["source"]["name"] == "Lena Brandt"
    c = one(claims_of("Reporters obtained a letter saying that the strike would continue."), "strike would continue")
    assert c["source"]["mention"] == "a letter"
    # a letter its sender put out speaks for the sender (PolNeAR: "sent a letter ... urging")
    c = one(claims_of("The union sent a letter saying that the strike would continue."), "strike would continue")
    assert c["source"]["mention"] == "The union"


def test_raising_verb_gives_a_sourceless_claim(claims_of):
    text = "The new tariff seems to be hurting farmers in the north."
    c = one(claims_of(text), "hurting farmers")
    assert c["cue"] == "seem" and c["source"]["span"] is None and c["mode"] == "unattributed"


def test_hoped_is_read_as_hope(claims_of):
    c = one(claims_of("Director Sam Okoye hoped that the museum would open by May."), "museum would open")
    assert c["cue"] == "hope"


def test_passive_judgement_without_agent(claims_of):
    c = one(claims_of("The contractors have been blamed for delaying the opening of the bridge."), "contractors")
    assert c["cue"] == "blame" and c["source"]["span"] is None


def test_report_noun_with_that_clause(claims_of):
    c = one(claims_of("Few voters believed his claim that the election had been rigged."), "election had been rigged")
    assert c["cue"] == "claim" and c["source"]["mention"] == "his"


def test_signature_after_a_dash_and_a_mistyped_opening_mark(claims_of):
    text = "\u201dThe schools in this town are failing our children every single day.\u201d \u2015 Marta Quill\n"
    c = one(claims_of(text), "schools in this town")
    assert c["source"]["mention"] == "Marta Quill" and c["mode"] == "direct"


def test_polls_show(claims_of):
    c = one(claims_of("New polls show a close race in the state."), "close race")
    assert c["cue"] == "show" and c["source"]["mention"] == "New polls"


def test_reported_clause_parsed_as_adverbial(claims_of):
    c = one(claims_of("Trump said after the convention he would not accept Cruz's endorsement if it were offered."), "not accept")
    assert c["cue"] == "say" and c["source"]["name"] == "Trump"


def test_tell_someone_to(claims_of):
    c = one(claims_of("The governor told her aides to cancel the contract."), "cancel the contract")
    assert c["cue"] == "tell"


def test_stance_adjective_after_be(claims_of):
    text = "Senator Ana Lobo has been critical of the new pipeline."
    c = one(claims_of(text), "pipeline")
    s, e = c["cue_span"]
    assert text[s:e] == "has been critical of" and c["source"]["name"] == "Ana Lobo"


def test_comment_frames_a_quote_after_a_colon(claims_of):
    c = one(claims_of('At the meeting a neighbour commented: "The park has never been this clean."'), "park has never")
    assert c["cue"] == "comment" and c["mode"] == "direct"


def test_interrupted_quote_around_a_parenthetical_frame(claims_of):
    claims = claims_of('"That," he added, "will make the winter much harder for the valley."')
    assert [c["content"] for c in claims] == ["That", "will make the winter much harder for the valley."]
    assert claims[0]["cue_span"] == claims[1]["cue_span"]


def test_inverted_frame_before_a_colon(claims_of):
    c = one(claims_of('Said Ellis: "I do not think the council will agree to this."'), "council will agree")
    assert c["cue"] == "say" and c["source"]["mention"] == "Ellis"


def test_according_to_closing_a_sentence_is_its_own_claim(claims_of):
    claims = claims_of("The mayor plans to visit the flooded district on Sunday, according to a city spokesman.")
    c = one(claims, "visit the flooded district")
    assert c["cue"] == "according to" and c["source"]["mention"] == "a city spokesman"
    c = one(claims_of("Trump demeaned the contestants, according to show insiders."), "demeaned")
    assert c["cue"] == "according to" and c["source"]["mention"] == "show insiders"


def test_transcript_line_opened_by_a_quote_mark(claims_of):
    text = 'Partial transcript:\n\n"HOLT: Will you release the audit before the vote?\n\n"REYES: We will release it on Monday.\n'
    claims = claims_of(text)
    assert one(claims, "release the audit")["source"]["mention"] == "HOLT"
    assert one(claims, "release it on Monday")["source"]["mention"] == "REYES"


def test_agreed_to(claims_of):
    c = one(claims_of("The mining company agreed to clean up the river by 2030."), "clean up the river")
    assert c["cue"] == "agree" and c["source"]["mention"] == "The mining company"


def test_a_bare_name_opening_one_persons_name_is_that_person(claims_of):
    cs = claims_of("Spokesman Wu Qian said the claims were false. Wu said the talks would go on. "
                   "Anna Berg said the port was shut. Anna Holm said the dock was open. Anna said it would reopen.")
    names = [c["source"]["name"] for c in cs]
    assert names[:2] == ["Wu Qian", "Wu Qian"]
    assert names[-1] == "Anna"  # two people open with it: no one in particular


def test_headline_surname_before_a_colon(claims_of):
    text = "Okafor: The council must rebuild the bridge this year.\n\nAnalysis: what the vote means.\n"
    claims = claims_of(text)
    assert one(claims, "rebuild the bridge")["source"]["mention"] == "Okafor"
    assert not [c for c in claims if "vote means" in c["content"]]


@pytest.mark.model
def test_a_quote_frame_after_the_quote_when_the_parser_gives_the_verb_two_subjects(claims_of):
    # the parser also takes "mode" / "it" inside the quote for a subject of "said"
    for text, speaker in [('“The campaign is in panic mode. Full panic mode,” said Leslie Wimes, a local organiser.', "Leslie Wimes"),
                          ('“If it does not have the capability yet, it will at some point,” said James Acton.', "James Acton")]:
        claims = claims_of(text)
        assert claims and {c["source"]["name"] for c in claims} == {speaker}, claims


def test_participle_of_an_issued_statement_is_one_cue_with_the_issuer(claims_of):
    text = "The council issued a statement saying the budget vote had been postponed."
    c = one(claims_of(text), "budget vote")
    assert text[c["cue_span"][0]:c["cue_span"][1]] == "issued a statement saying"
    assert c["source"]["mention"] == "The council" and c["cue"] == "say"


def test_second_conjoined_report_shares_the_first_subject(claims_of):
    text = "The coach said the players had trained hard all week and said that the final would be close."
    claims = claims_of(text)
    first, second = one(claims, "trained hard"), one(claims, "final would be close")
    assert "final" not in first["content"]
    assert first["cue_span"] != second["cue_span"]
    assert second["source"]["mention"] == "The coach" and second["source"]["span"] is not None
    text = "The protesters left the square, marched to the station and said they would return on Friday."
    c = one(claims_of(text), "would return on Friday")
    assert c["source"]["mention"] == "The protesters" and c["cue"] == "say"


def test_light_verb_and_noun_of_saying_are_one_cue(claims_of):
    text = "The mayor made it clear that the tram line would be finished next year."
    c = one(claims_of(text), "tram line")
    assert text[c["cue_span"][0]:c["cue_span"][1]] == "made it clear" and c["source"]["mention"] == "The mayor"
    text = "The farmers expressed concern about the price of diesel."
    c = one(claims_of(text), "price of diesel")
    assert text[c["cue_span"][0]:c["cue_span"][1]] == "expressed concern about" and c["content"] == "the price of diesel"


def test_seeing_something_as_something_is_a_view(claims_of):
    text = "Most residents see the new bridge as a waste of money."
    c = one(claims_of(text), "waste of money")
    assert c["cue"] == "see" and c["source"]["mention"] == "Most residents"
    assert c["content"] == "the new bridge as a waste of money"


def test_sentence_opened_by_a_poll_is_the_polls_finding(claims_of):
    text = "In a county survey released Friday, most parents backed the longer school day."
    c = one(claims_of(text), "most parents backed")
    assert text[c["cue_span"][0]:c["cue_span"][1]] == "In" and "survey" in c["source"]["mention"]


def test_outlet_according_to_after_a_cue_stands_as_its_own_claim(claims_of):
    text = "The governor said the roads would reopen on Monday, according to Daily Courier."
    claims = claims_of(text)
    assert {c["cue"] for c in claims} == {"say", "according to"}
    said = next(c for c in claims if c["cue"] == "say")
    assert said["via"] == ["Daily Courier"]


def test_headline_title_before_a_name_and_colon(claims_of):
    text = "Dr. Maria Okafor: The clinic must stay open.\n\nThe board meets on Monday.\n"
    c = one(claims_of(text), "clinic must stay open")
    assert c["cue"] == ":" and "Okafor" in c["source"]["mention"]


def test_recalling_or_preferring_something_is_a_cue_with_its_object(claims_of):
    c = one(claims_of("The old miner recalled the winter the shaft flooded."), "winter the shaft")
    assert c["cue"] == "recall" and c["source"]["mention"] == "The old miner"
    c = one(claims_of("Most voters prefer a candidate who has run a business."), "run a business")
    assert c["cue"] == "prefer" and c["source"]["mention"] == "Most voters"


def test_means_is_no_cue(claims_of):
    # "that means ..." draws a consequence; PolNeAR train had 4 cues in 34 such main verbs
    assert claims_of("That means the bridge will stay closed until spring.") == []


def test_an_as_frame_attributes_the_clause_it_hangs_on(claims_of):
    for text, source in [("As the Daily Courier reported, the paper mill will close in May.", "the Daily Courier"),
                         ("The paper mill will close in May, as the union noted.", "the union"),
                         ("As reported by the Daily Courier, the paper mill will close in May.", "the Daily Courier")]:
        c = one(claims_of(text), "mill will close")
        assert c["source"]["mention"] == source and c["content"].endswith("close in May"), c
        assert "as" not in text[c["cue_span"][0]:c["cue_span"][1]].lower().split()


def test_an_as_frame_inside_its_clause_attributes_the_whole_clause(claims_of):
    # between the clause's subject and its verb: neither side alone is what was said
    c = one(claims_of("The ferries, as the harbour office said, had left the port."), "ferries")
    assert c["source"]["mention"] == "the harbour office"
    assert c["content"] == "The ferries, as the harbour office said, had left the port"
    # hung by the parser on the subject itself
    c = one(claims_of("Two of them, as the mayor herself stated on Tuesday, were rescued."), "Two of them")
    assert c["content"].endswith("were rescued") and c["source"]["name"] == "mayor"


def test_main_speech_verb_whose_subject_the_parser_hung_on_the_opening(claims_of):
    for text, source in [("In an interview with the weekly paper, her senior adviser, Jake Lowe, said the plan was dead.", "Jake Lowe"),
                         ("In a call with reporters on Monday, Col. Anna Reyes, a spokeswoman in Lisbon, said the convoy had turned back.",
                          "Col. Anna Reyes, a spokeswoman in Lisbon")]:
        claims = claims_of(text)
        assert len(claims) == 1 and claims[0]["cue"] == "say", claims
        assert claims[0]["source"]["mention"] == source
    # the description's place ends in an apposition of its own: still the person described
    text = "In a post on X, Omar Haddad, a professor at Northern State University, Riverton, said the report was flawed."
    claims = claims_of(text)
    assert len(claims) == 1 and claims[0]["source"]["name"] == "Omar Haddad", claims


def test_governing_verb_of_a_reporting_infinitive_is_in_the_cue(claims_of):
    for text, cue in [("The mayor tried to explain that the budget was short.", "tried to explain"),
                      ("The senator continued to insist that the vote was rigged.", "continued to insist")]:
        c = one(claims_of(text), "that the")
        assert text[c["cue_span"][0]:c["cue_span"][1]] == cue and c["source"]["mention"].startswith("The ")
    # object control: the residents would report, the council urged
    c = one(claims_of("The council urged residents to report that the water was brown."), "water was brown")
    assert c["cue"] == "urge"


def test_report_inside_an_opening_according_to_is_not_a_second_claim(claims_of):
    text = "According to the court filing, the mayor said the bridge would close in June."
    claims = claims_of(text)
    assert [c["cue"] for c in claims] == ["according to"], claims


def test_a_question_put_to_someone(claims_of):
    text = "Asked if she would run again, the mayor said she had not decided."
    asked = one(claims_of(text), "would run again")
    assert asked["cue"] == "ask" and asked["source"]["mention"] is None  # the one asking is not named, the mayor was asked
    assert one(claims_of(text), "had not decided")["source"]["mention"] == "the mayor"
    c = one(claims_of("Reporters asked the coach about his contract on Sunday."), "his contract")
    assert c["cue"] == "ask" and c["source"]["mention"] == "Reporters"


def test_a_gerund_hung_on_a_speech_or_object_verb_is_what_was_said(claims_of):
    c = one(claims_of("The governor proposed raising the fuel tax to pay for the new roads."), "fuel tax")
    assert c["cue"] == "propose" and c["source"]["mention"] == "The governor"
    assert c["content"].startswith("raising the fuel tax")
    c = one(claims_of("Local economists say taxing sugar encourages healthier diets."), "taxing sugar")
    assert c["cue"] == "say" and c["source"]["mention"] == "Local economists"


def test_a_put_out_document_says_what_its_describing_verb_takes(claims_of):
    for text, cue, needle in [
            ("The farmers' union released a short video mocking the new water rules.", "released a short video mocking", "the new water rules"),
            ("The council has sent a letter that urges the port to delay the dredging.", "has sent a letter that urges", "the port to delay"),
            ("The club issued a statement praising the coach for his loyalty.", "issued a statement praising", "the coach for")]:
        c = one(claims_of(text), needle)
        assert text[c["cue_span"][0]:c["cue_span"][1]] == cue, c
        assert c["source"]["mention"].startswith("The "), c
    # a "that" clause the parser takes for a participle is no document's content
    text = "Their votes send a message that the old guard is losing its grip."
    assert all("losing" not in text[c["cue_span"][0]:c["cue_span"][1]] for c in claims_of(text) if c["cue_span"])


def test_a_short_quote_closing_a_report_keeps_the_reported_clause(claims_of):
    text = 'The fire chief said the blaze near the old quarry was "under control."'
    claims = claims_of(text)
    assert any(c["content"].startswith("the blaze near the old quarry") for c in claims), claims
    assert len({tuple(c["cue_span"]) for c in claims}) == 1  # one cue: the quote and the clause are one report


def test_no_cue_inside_what_a_quote_frame_reported(claims_of):
    text = 'The mayor said she plans to visit the mill next week: "The jobs are coming back to this valley for good."'
    claims = claims_of(text)
    assert {c["cue"] for c in claims} == {"say"}
    assert len({tuple(c["cue_span"]) for c in claims}) == 1  # the clause before the quote shares its cue


def test_a_report_running_into_a_long_quote_keeps_its_clause_before_the_quote(claims_of):
    text = ('The senator said she admired the nurses for their patience through what she called '
            '"the hardest winter this hospital has ever had to face."')
    claims = claims_of(text)
    # the clause and the quote it runs into are one claim (issue 14: a statement not split in pieces)
    assert [c["content"] for c in claims] == [
        'she admired the nurses for their patience through what she called "the hardest winter this hospital has ever had to face.'], claims


def test_a_quote_closing_a_reported_clause_is_one_claim_with_it(claims_of):
    for text, content in [
            ('The minister said the harbour was "badly damaged."', 'the harbour was "badly damaged.'),
            ("Professor Ana Lind said the survey was \u201cdeeply flawed.\u201d", "the survey was \u201cdeeply flawed."),
            ('The mayor spoke on Friday, adding that many families in the town are "deeply shaken by what happened on the river."',
             'that many families in the town are "deeply shaken by what happened on the river.')]:
        assert [c["content"] for c in claims_of(text)] == [content], text
    # a quote that goes on after a comma closes the clause too
    text = "The army said in a statement that 40 shells had landed in the village, \u201cdestroying the school and the clinic.\u201d"
    assert [c["content"] for c in claims_of(text)] == [
        "that 40 shells had landed in the village, \u201cdestroying the school and the clinic."]
    # a quote framed on its own stays a claim of its own beside the report before it
    claims = claims_of('The mayor said the bridge would reopen. "We will rebuild the pier as well," she said.')
    assert len(claims) == 2


def test_said_in_a_statement_is_one_content_the_speakers(claims_of):
    # the parser gives "that 300 missiles fired at Poland by rebel groups" to "statement" and the
    # rest to "said": one content, the army's
    for text, speaker, content in [
            ("Since the war began, the army said in a statement that roughly 300 missiles fired at Poland by rebel groups "
             "had landed in Belarus.", "army", "that roughly 300 missiles fired at Poland by rebel groups had landed in Belarus"),
            ("Since the fighting began, the navy said in a statement that about 200 drones launched at Odesa by militia "
             "groups had crashed in Moldova.", "navy", "that about 200 drones launched at Odesa by militia groups had crashed in Moldova")]:
        assert [(c["source"]["name"].lower(), c["content"]) for c in claims_of(text)] == [(speaker, content)]


def test_a_phrase_before_a_long_quote_is_no_clause_of_its_own(claims_of):
    text = ('The coach said that under the old owners, "the players were never given a fair chance '
            'to show what they could do."')
    claims = claims_of(text)
    assert all("players" in c["content"] for c in claims), claims


def test_called_for_someone_to_act_is_one_cue(claims_of):
    # the parser makes "for X to act" a clause marked by "for"
    text = "The governor called for the state legislature to approve the budget before the summer recess."
    (c,) = claims_of(text)
    assert text[c["cue_span"][0]:c["cue_span"][1]] == "called for"
    assert c["content"] == "the state legislature to approve the budget before the summer recess"
    assert c["source"]["name"] == "The governor" or "governor" in c["source"]["name"].lower()


def test_called_x_y_when_the_parser_takes_the_object_for_a_predicate(claims_of):
    text = "Speaking at a rally in Ohio on Wednesday, Smith called Jones, his Republican challenger, an enemy of the workers."
    claims = claims_of(text)
    assert any(text[c["cue_span"][0]:c["cue_span"][1]] == "called" and "an enemy of the workers" in c["content"] for c in claims), claims


@pytest.mark.parametrize("text, content", [
    ("Asked whether the plant would close, 41 percent of the workers said yes.", "yes"),
    ("Most farmers back the new tariff, and 38 percent of ranchers say the same of the quota.", "the same of the quota"),
    ("The bridge is unsafe, and even the builders said so.", "so"),
])
def test_a_short_answer_said_is_an_attribution(claims_of, text, content):
    claims = claims_of(text)
    assert any(c["content"] == content and c["cue"] == "say" for c in claims), claims


def test_inverted_frame_whose_speaker_the_parser_hangs_elsewhere(claims_of):
    # the small model makes "organizer" the object of "added", leaving the verb with no subject
    text = '"Nobody here expected the plant to close," added a union organizer from the county.'
    claims = claims_of(text)
    assert any(c["source"] and "union organizer" in c["source"]["name"] and c["content"].startswith("Nobody here") for c in claims), claims


@pytest.mark.parametrize("text, speaker, content", [
    ("One volunteer, who like others spoke on the condition of anonymity to discuss the meeting, said the mood was grim.",
     "One volunteer", "the mood was grim"),
    ("Mr. Hale, whose latest firm, Gridworks, uses drones to inspect power lines, said the state was far behind.",
     "Mr. Hale", "the state was far behind"),
])
def test_a_speaker_whose_relative_clause_the_parser_takes_for_a_clause_of_the_verb(claims_of, text, speaker, content):
    claims = claims_of(text)
    assert any(c["content"] == content and c["source"] and c["source"]["mention"].startswith(speaker) for c in claims), claims


@pytest.mark.parametrize("text, cue, speaker", [
    ('The memo goes on to say: "Our staff will be cut by a third before the end of the year."', "goes on to say", "The memo"),
    ('The mayor joked that the bridge was his favourite, but went on to say, "There are roads here that are '
     'among the worst in the state."', "went on to say", "The mayor"),
])
def test_a_quote_framed_by_a_governed_infinitive(claims_of, text, cue, speaker):
    claims = claims_of(text)
    assert any(text[c["cue_span"][0]:c["cue_span"][1]] == cue and c["source"]["mention"] == speaker
               and c["mode"] == "direct" for c in claims), claims


def test_tell_inside_what_another_said_is_one_attribution_the_tellers_relayed(claims_of):
    # PolNeAR annotates 5 of 19 such nested "tell"s; story-gold.md credits the originator, with
    # the one who relays it in `via`: one claim either way
    text = "The mayor said the governor told reporters on Monday that the bridge would reopen in the spring."
    claims = claims_of(text)
    assert [(c["cue"], c["source"]["name"], c["via"]) for c in claims] == [("tell", "governor", ["mayor"])]


@pytest.mark.parametrize("text, cue", [
    ("The senator responded Tuesday to the charges from the union.", "responded Tuesday to"),
    ("The candidate talked openly on television about her plans for the port.", "talked openly on television about"),
])
def test_modifiers_between_a_verb_and_its_content_preposition_join_the_cue(claims_of, text, cue):
    claims = claims_of(text)
    assert any(text[c["cue_span"][0]:c["cue_span"][1]] == cue for c in claims), claims


def test_a_participle_framing_a_quote_takes_the_speaker_of_the_verb_it_hangs_on(claims_of):
    text = 'The governor took to the radio, saying at one point, "The answer is not simply to cut the budget."'
    claims = claims_of(text)
    assert any(c["mode"] == "direct" and c["cue"] == "say" and c["source"]["name"] == "governor" for c in claims), claims


@pytest.mark.parametrize("text, content", [
    ("Asked who should lead the committee, the senator said Warren.", "Warren"),
    ("Aides say the more money he raises in March, the more leverage he will have at the convention.",
     "the more money he raises in March, the more leverage he will have at the convention"),
])
def test_a_noun_the_parser_makes_the_object_of_say_opens_what_was_said(claims_of, text, content):
    claims = claims_of(text)
    assert any(c["cue"] == "say" and c["content"] == content for c in claims), claims


def test_say_it_is_no_attribution(claims_of):
    assert claims_of("He would never say it in public, and he knows it.") == []


def test_a_that_clause_the_parser_hangs_on_a_frame_modifier_is_what_was_said(claims_of):
    text = "The mayor said earlier on Friday during a press conference that she may run again next year."
    claims = claims_of(text)
    assert any(c["cue"] == "say" and c["content"] == "that she may run again next year" for c in claims), claims


@pytest.mark.parametrize("text", [
    "As one aide put it, the campaign is running out of money and time.",
    "The campaign is running out of money and time, as one aide put it.",
])
def test_as_someone_put_it_is_a_frame_of_saying(claims_of, text):
    claims = claims_of(text)
    assert any(text[c["cue_span"][0]:c["cue_span"][1]] == "put it" and c["source"]["mention"] == "one aide"
               and c["content"].lower().startswith("the campaign is running out of money") for c in claims), claims


@pytest.mark.parametrize("text, cue, speaker", [
    ('"Why are you still standing behind him?" the governor asked the county commissioners.', "ask", "governor"),
    ('"Get your boots on because we have a lot of snow to clear!" she told the cheering volunteers.', "tell", "she"),
])
def test_a_frame_after_a_quote_whose_verb_takes_the_listener_as_object(claims_of, text, cue, speaker):
    claims = claims_of(text)
    assert any(c["cue"] == cue and c["mode"] == "direct" and speaker in (c["source"]["name"], c["source"]["mention"]) for c in claims), claims


def test_a_trailing_according_to_makes_one_attribution_of_a_reported_say(claims_of):
    text = "Some 55 percent of voters said they do not trust the mayor, according to a poll released in May."
    claims = claims_of(text)
    assert [c["cue"] for c in claims] == ["according to"], claims
    assert claims[0]["content"].startswith("Some 55 percent of voters said")


@pytest.mark.parametrize("text, cue", [
    ("A new poll shows that 62 percent of farmers say the tariff has hurt their income.", "show"),
    ("A survey released Friday found that 70 percent of nurses said they would strike again.", "find"),
])
def test_respondents_saying_inside_a_finding_are_the_finding(claims_of, text, cue):
    assert [c["cue"] for c in claims_of(text)] == [cue]


@pytest.mark.parametrize("text", [
    "Do you think the new bridge will be finished before the winter floods?",
    "What do you believe the council should do about the harbor fees?",
])
def test_a_report_asked_of_you_in_a_question_is_no_attribution(claims_of, text):
    assert claims_of(text) == []


def test_a_report_of_you_outside_a_question_stays(claims_of):
    claims = claims_of("You said the harbor would reopen in May, the minister told the inspector.")
    assert any(c["source"]["mention"] == "You" and c["content"].startswith("the harbor would reopen") for c in claims), claims


def test_an_invitation_is_no_attribution(claims_of):
    claims = claims_of("The mayor invited the fishermen to attend the harbor meeting on Friday.")
    assert [c for c in claims if c["content"].startswith("to attend")] == [], claims


def test_relative_pronoun_speaker_is_the_noun_it_attaches_to(claims_of):
    text = ("The fire spread overnight, according to the Regional Fire Service, which said the blaze "
            "had been started by a downed power line. Anna Novak, who criticized the response, said the sirens never sounded.")
    claims = claims_of(text)
    c = one(claims, "downed power line")
    assert c["source"]["name"] == "Regional Fire Service" and c["source"]["mention"] == "which"
    c = one(claims, "the response")
    assert c["source"]["name"] == "Anna Novak"
    assert not any(c["source"]["name"].lower() in ("who", "which", "that") for c in claims)


def test_pronoun_speaker_before_anyone_spoke_is_the_person_named_before(claims_of):
    text = "Mara Lind opened the plant in 2019. She said the plant would double its output next year."
    c = one(claims_of(text), "double its output")
    assert c["source"]["name"] == "Mara Lind" and c["source"]["mention"] == "She"


def test_a_pronoun_in_a_clause_about_someones_statement_is_that_person(claims_of):
    text = ("The minister Carlos Mendes said the port would stay closed. The response follows President Rui "
            "Costa's speech on Monday, in which he said the army had left. The vote follows the statement by the "
            "navy, in which it said the port was safe.")
    claims = claims_of(text)
    assert one(claims, "army had left")["source"]["name"] == "Rui Costa"
    # no person owns the statement: the rule has nothing to say, and the port minister is not it
    assert one(claims, "port was safe")["source"]["name"] != "Rui Costa"


def test_pronoun_speaker_with_no_one_to_refer_to_is_unnamed(claims_of):
    c = one(claims_of("She said the plant would double its output next year."), "double its output")
    assert c["source"]["kind"] == "unnamed" and c["source"]["name"] == "unnamed" and c["source"]["mention"] == "She"
    c = one(claims_of("I believe that the plant will double its output next year."), "double its output")
    assert c["source"]["kind"] == "unnamed" and c["source"]["name"] == "unnamed"


def test_a_place_that_modifies_the_speaker_noun_does_not_become_the_source(claims_of):
    text = ("Portuguese officials said the bridge would reopen in May. The crash was caused by ice, "
            "according to a senior Spanish military official.")
    claims = claims_of(text)
    assert one(claims, "bridge would reopen")["source"]["name"] == "Portuguese officials"
    c = one(claims, "caused by ice")
    assert c["source"]["name"] == "senior Spanish military official" and c["source"]["kind"] == "unnamed"


def test_a_section_label_with_a_colon_is_not_a_speaker(claims_of):
    claims = claims_of("WHAT WE KNOW: The ferry left port on Monday\n\nSEE ALSO: Storm warnings issued for the coast\n\n"
                       "The harbour master said the ferry was late.")
    assert [c["source"]["name"] for c in claims] == ["harbour master"], claims
    # a video transcript's one-word label ("STORY:", "SUMMARY:") is no speaker either
    claims = claims_of("STORY: Divers searched the harbour on Sunday.\n\nThe harbour master said the ferry was late.")
    assert [c["source"]["name"] for c in claims] == ["harbour master"], claims


def test_a_cut_off_last_sentence_gives_no_fragment_claims(claims_of):
    claims = claims_of("The harbour master said the ferry was late. The ferry company said the captain had")
    assert [c["content"] for c in claims] == ["the ferry was late"], claims
    claims = claims_of("The harbour master said the ferry was late. The company said the crossing would resume on Fri")
    assert any(c["content"].startswith("the crossing would resume") for c in claims), claims


def test_releasing_a_statement_is_an_act_not_a_claim(claims_of):
    claims = claims_of("The ferry company released a statement about the missing vessel. "
                       "The paper published an editors' note on Monday.")
    assert claims == [], [c["content"] for c in claims]



def test_quoted_as_saying_and_stopped_short_of_confirming_credit_the_subject(claims_of):
    claims = claims_of("The mayor was quoted as saying that the bridge would reopen in May. "
                       "The army stopped short of confirming that the base was hit.")
    c = one(claims, "bridge would reopen")
    assert c["source"]["name"] == "mayor" and c["mode"] == "indirect"
    c = one(claims, "base was hit")
    assert c["source"]["name"] == "army" and c["cue"] == "stop short of confirm"


def test_a_clause_after_for_or_to_is_not_a_frame_of_saying(claims_of):
    claims = claims_of("She was criticized for acknowledging that coal would decline.")
    assert not any(c["source"]["name"] == "She" or c["source"]["mention"] == "She" and c["mode"] == "indirect" for c in claims), claims


def test_a_second_speaker_joined_by_and_is_the_source_of_the_second_report(claims_of):
    text = ("A coast guard official told reporters that the noises were likely ocean noise or sounds from other ships, "
            "and Tom Berg, a former admiral in the navy, told the radio the sounds could have come from the wreck.")
    claims = claims_of(text)
    c = one(claims, "come from the wreck")
    assert c["source"]["name"] == "Tom Berg"
    c = one(claims, "ocean noise")
    assert "Berg" not in c["content"] and c["source"]["name"] != "Tom Berg"


def test_a_report_or_estimate_is_its_owners(claims_of):
    claims = claims_of("According to a United Nations estimate, 40,000 people were affected by the flood.")
    assert one(claims, "40,000 people")["source"]["name"] == "United Nations"


def test_a_definite_description_is_the_body_named_before(claims_of):
    claims = claims_of("Ukraine's Interior Ministry said 41 people were missing. Later the ministry said at least "
                       "16 people had died. The company said nothing.")
    names = {c["content"][:10]: c["source"]["name"] for c in claims}
    assert names["at least 1"] == names["41 people "] == "Ukraine's Interior Ministry"  # the country kept (5ab5296)
    assert [c["source"]["mention"] for c in claims if c["content"].startswith("at least")] == ["the ministry"]


def test_it_and_the_statement_are_the_body_that_spoke_before(claims_of):
    claims = claims_of("The Ministry of Health released new figures on Monday. It said 40 people had died. "
                       "Later the ministry's spokesman spoke again. The statement said the hospitals were full.")
    by = {c["content"]: c["source"]["name"] for c in claims}
    assert by["40 people had died"] == "Ministry of Health"
    assert by["the hospitals were full"] != "statement"
    # no one spoke before: "it" stays unnamed, "the report" its own
    alone = claims_of("It said the bridge was weak.")
    assert [c["source"]["name"] for c in alone] == ["unnamed"]


def test_a_relative_pronoun_after_a_day_is_the_noun_the_day_hangs_on(claims_of):
    claims = claims_of("The assessment released by the intelligence agency on Wednesday, which concluded that the army "
                       "was not responsible, was shared with allies.")
    c = next(c for c in claims if "army" in c["content"])
    assert c["source"]["name"] != "Wednesday" and c["source"]["mention"] == "which"


def test_assessing_and_judging_that_are_cues(claims_of):
    claims = claims_of("Intelligence agencies have assessed that the blast killed 100 to 300 people. "
                       "The agency judged that the army was not responsible. The court will assess the damage.")
    cues = sorted(c["cue"] for c in claims)
    assert "assess" in cues and "judge" in cues
    assert not any("the damage" in c["content"] for c in claims)  # "assess" with an object is an act


def test_could_not_verify_is_a_non_confirmation_of_its_object(claims_of):
    claims = claims_of("Reuters could not independently verify the report. Scientists verified the samples in a lab.")
    by = {c["content"]: (c["source"]["name"], c["cue"], c["stance"]) for c in claims}
    assert by["the report"] == ("Reuters", "verify", "unconfirmed")
    assert by["the samples"][2] == "confirmed"


def test_a_relay_citing_someone_credits_them_and_keeps_the_relay_in_via(claims_of):
    claims = claims_of("Several news agencies reported that an air strike killed 500 people, citing the Health Ministry. "
                       "Reuters reported, citing two officials, that the plant was shut. "
                       "The newspaper published the figure, citing a leaked memo.")
    by = {c["content"]: c for c in claims}
    first = by["that an air strike killed 500 people"]
    assert first["source"]["name"] == "Health Ministry" and first["via"] == ["Several news agencies"]
    second = by["that the plant was shut"]
    assert second["source"]["name"] == "two officials" and second["via"] == ["Reuters"] and second["cue"] == "report"
    assert not any(c["content"] in ("the Health Ministry", "two officials") for c in claims)  # "citing Y" is no claim
    assert all(c["source"]["name"] == "newspaper" for c in claims if "memo" in c["content"] or "figure" in c["content"])


def test_a_quote_closing_the_clause_before_its_frame_is_one_claim_of_the_clause(claims_of):
    # 'The X is "Y", he said': what was said is the clause, the quote only its closing words
    text = ('Inspector Lena Brandt visited the quarry on Monday. '
            'The damage is “consistent with a slow collapse of the north wall”, she said. '
            'The site is “far too dangerous”, the inspector added.')
    claims = claims_of(text)
    assert [c["content"].split("“")[0] for c in claims] == ["The damage is ", "The site is "], claims
    # a quote that is the whole clause stays a direct quote of its own
    claims = claims_of('“The site is far too dangerous,” the inspector said.')
    assert len(claims) == 1 and claims[0]["mode"] == "direct"


def test_a_title_abbreviation_does_not_end_the_sentence_or_lose_the_speaker(claims_of):
    text = ('“We recovered the hull at dawn,” Harbour Police Chief Capt. Mira Olsen said in a statement. '
            '“The divers will go down again tomorrow.” '
            'Lt. Col. Anna Berg told reporters the bridge was closed.')
    claims = claims_of(text)
    assert {c["source"]["name"] for c in claims} == {"Mira Olsen", "Anna Berg"}, claims
    assert sum(c["source"]["name"] == "Mira Olsen" for c in claims) == 2


def test_a_rebuttal_hung_on_a_report_is_a_denial_of_its_own(claims_of):
    for text in ("Farmers blamed the new canal for the flood, a claim the water board denied.",
                 "Farmers blamed the new canal for the flood, an assertion disputed by the water board.",
                 "Farmers said the new canal caused the flood, which the water board rejected."):
        claims = claims_of(text)
        by_source = {c["source"]["name"]: c for c in claims}
        assert set(by_source) == {"Farmers", "water board"}, claims
        assert by_source["water board"]["stance"] == "denied"
        assert by_source["Farmers"]["content"] == by_source["water board"]["content"]
        assert "water board" not in by_source["Farmers"]["content"]
        assert len({c["id"] for c in claims}) == 2


def test_a_pronoun_after_the_main_subject_of_its_sentence_is_that_subject(claims_of):
    text = ("John Clark said the bridge was safe. "
            "Mark Stevens was asked on Thursday about Clark's comment and he replied the state is reviewing everything.")
    reply = [c for c in claims_of(text) if "reviewing" in c["content"]]
    assert [c["source"]["name"] for c in reply] == ["Mark Stevens"]
    # no subject named before it in its sentence: the last person who spoke
    text = "John Clark said the bridge was safe. He added that the roads were open."
    assert [c["source"]["name"] for c in claims_of(text)] == ["John Clark", "John Clark"]


def test_what_evidence_shows_according_to_someone_is_their_reading(claims_of):
    claims = claims_of("According to the Met Office, satellite images show a fire at the Orlova plant.")
    assert [c["source"]["name"] for c in claims] == ["Met Office"], claims
    assert "fire" in claims[0]["content"]
    # a person quoted under "according to" keeps the word: the outlet is only the relay
    claims = claims_of("According to CNN, officials said the dam was breached.")
    assert [c["source"]["name"] for c in claims] == ["officials"], claims


def test_a_source_name_is_one_however_its_apostrophe_was_typed(claims_of):
    claims = claims_of("Kate O’Brien said the dam was safe. Russia mined the dam, according to Norway’s coastal agency.")
    assert [c["source"]["name"] for c in claims] == ["Kate O'Brien", "Norway's coastal agency"], claims
    assert claims[0]["source"]["mention"] == "Kate O’Brien"  # the mention stays as written


def test_an_assessment_by_someone_is_theirs(claims_of):
    claims = claims_of("An assessment by Norwegian military intelligence indicates the likely cause of the blast was a mine.")
    assert [c["source"]["name"] for c in claims] == ["Norwegian military intelligence"], claims
    claims = claims_of("A report from the United Nations said 300 people were displaced.")
    assert [c["source"]["name"] for c in claims] == ["United Nations"], claims


def test_the_noun_of_a_time_phrase_is_not_the_speaker(claims_of):
    # the parser takes "the flood" / "the fire" for the subject of the verb after it
    claims = claims_of("A Reuters analysis of photos, maps, and radar images before, during and after the flood "
                       "indicates that the levee failed first in the north.")
    assert [(c["source"]["name"], c["cue"]) for c in claims] == [("Reuters", "indicate")], claims
    claims = claims_of("A review by the board of footage before and after the fire shows that the alarm never sounded.")
    assert len(claims) == 1 and claims[0]["source"]["name"] != "fire", claims
    claims = claims_of("After the vote the senator said that the bill would pass.")
    assert [c["source"]["name"] for c in claims] == ["senator"], claims


def test_a_claim_asked_about_is_its_makers(claims_of):
    # the parser hangs the "that" clause on "asked": it is still the mayor's claim, not the asker's
    for text in ("The spokesman said nothing when asked about claims by the mayor that the bridge had collapsed.",
                 "The ministry declined to answer when asked about claims made by the mayor that the bridge had collapsed."):
        claims = claims_of(text)
        mayor = [c for c in claims if c["content"] == "that the bridge had collapsed"]
        assert [(c["source"]["name"], c["cue"]) for c in mayor] == [("mayor", "claim")], claims


def test_a_description_after_a_lead_that_names_one_person_is_that_person(claims_of):
    claims = claims_of("Maria Lopes has addressed the fact that the company was warned about safety.\n\n"
                       "The veteran filmmaker said in a new interview that she immediately suspected disaster.")
    assert [c["source"]["name"] for c in claims] == ["Maria Lopes"], claims
    # two people named: the description is left as it is
    claims = claims_of("Maria Lopes and John Reyes met on Monday. The filmmaker said that the deal was done.")
    assert [c["source"]["name"] for c in claims] != ["Maria Lopes"] and [c["source"]["name"] for c in claims] != ["John Reyes"], claims


def test_some_said_others_said_are_two_statements_of_the_group_before(claims_of):
    claims = claims_of("Port officials gave conflicting accounts. Some blamed the storm, others said the pier had collapsed by itself.")
    got = [(c["source"]["name"], c["cue"], c["content"]) for c in claims]
    assert got == [("Port officials", "blame", "the storm"), ("Port officials", "say", "the pier had collapsed by itself")], got
    # with no group named just before, "some" stays as written
    claims = claims_of("The mayor spoke on Monday. Some said the bridge was safe.")
    assert [c["source"]["name"] for c in claims] == ["Some"], claims


def test_a_question_left_unanswered_is_the_askeds_non_answer(claims_of):
    claims = claims_of("Captain Mark Stevens did not answer directly when asked if there is enough time to carry out a rescue.")
    assert [(c["source"]["name"], c["stance"]) for c in claims] == [("Mark Stevens", "unconfirmed")], claims
    assert claims[0]["content"].startswith("if there is enough time")
    claims = claims_of("When asked whether the dam was mined, Mark Stevens declined to comment.")
    assert [(c["source"]["name"], c["stance"], c["content"]) for c in claims] == \
        [("Mark Stevens", "unconfirmed", "whether the dam was mined")], claims


def test_a_claim_by_someone_inside_a_report_stands_as_theirs(claims_of):
    claims = claims_of("Officials dismissed claims by the rebels that the bridge had been mined.")
    got = {(c["source"]["name"], c["stance"]) for c in claims}
    assert got == {("Officials", "denied"), ("rebels", "asserted")}, claims
    assert any(c["content"] == "that the bridge had been mined" for c in claims)
    # "claims made by X that": the maker is the participle's agent
    claims = claims_of("Lisbon rejected claims made by Madrid that Portuguese sailors were working for the navy.")
    got = {(c["source"]["name"], c["stance"]) for c in claims}
    assert got == {("Lisbon", "denied"), ("Madrid", "asserted")}, claims
    assert any(c["content"] == "that Portuguese sailors were working for the navy" for c in claims)


def test_the_claim_a_denial_names_stands_with_its_maker(claims_of):
    # "the company's claim that", "Portuguese claims that", "comments by X that" inside a denial:
    # the ledger needs what is denied, and who said it
    for text, maker, said in (
            ("The harbour master disputed the company's claim that the ferry had passed its inspection.",
             "company", "that the ferry had passed its inspection"),
            ("The ministry rejected Portuguese claims that a fire on the ferry led to the sinking.",
             "Portugal", "that a fire on the ferry led to the sinking"),
            ("Madrid dismissed comments by Prime Minister Rui Costa that Spain was being drawn into the conflict.",
             "Rui Costa", "that Spain was being drawn into the conflict")):
        claims = claims_of(text)
        assert {(c["source"]["name"], c["stance"]) for c in claims} >= {(maker, "asserted")}, claims
        assert any(c["content"] == said and c["source"]["name"] == maker for c in claims), claims
        assert sum(c["stance"] == "denied" for c in claims) == 1, claims
    # "refrains from commenting on" is a non-answer; a titled maker is named as a person
    claims = claims_of("The Kremlin refrains from commenting on Portuguese President Rui Costa's claim that two "
                       "Spanish sailors have been captured.")
    got = {(c["source"]["name"], c["stance"]) for c in claims}
    assert got == {("Kremlin", "unconfirmed"), ("Rui Costa", "asserted")}, claims
    # a claim a non-answer names by what it was about: its maker's claim of that
    claims = claims_of("The Kremlin has chosen not to respond to a claim made by Portuguese President Rui Costa "
                       "regarding the capture of two Spanish sailors near the port.")
    got = {(c["source"]["name"], c["stance"], c["content"]) for c in claims}
    assert ("Rui Costa", "asserted", "the capture of two Spanish sailors near the port") in got, claims
    # outside a denial or a non-answer, a claim about something is no claim of that
    assert [c["source"]["name"] for c in claims_of("Costa made a claim regarding the capture of two sailors near the port.")] \
        != ["Costa", "Costa"]
    # a claim repeated, not denied, is one attribution: the speaker's
    claims = claims_of("The mayor repeated her claim that the ferry had passed its inspection.")
    assert [c["source"]["name"] for c in claims] == ["mayor"], claims
    # "A, according to the council, after X said B": B is X's own, not the council's relay, and
    # the council's report of A stands
    claims = claims_of("The Spanish government assesses that Portugal was not responsible for the fire at the port in Vigo, "
                       "according to the National Security Council, after Prime Minister Rui Costa said a Basque "
                       "separatist group was behind the fire.")
    got = {(c["source"]["name"], tuple(c.get("via") or ())) for c in claims}
    assert got == {("National Security Council", ()), ("Rui Costa", ())}, claims


def test_a_clause_subject_the_parser_took_for_an_object_stays_in_the_content(claims_of):
    claims = claims_of("The council released a statement Monday admitting their coverage of the flood at the port was sloppy.")
    admit = [c for c in claims if c["cue"] == "admit"]
    assert [c["content"] for c in admit] == ["their coverage of the flood at the port was sloppy"], claims
    # the one told is no part of what was told
    claims = claims_of("The mayor told reporters the bridge was closed.")
    assert [c["content"] for c in claims] == ["the bridge was closed"], claims


def test_the_body_and_rank_of_a_person_named_before_is_that_person(claims_of):
    text = ("Harbour Police Captain Mira Olsen said the search would go on. "
            "The harbour police officer also assured reporters that the hope of finding the crew was alive.")
    assert [c["source"]["name"] for c in claims_of(text)] == ["Mira Olsen", "Mira Olsen"]
    # "an officer" is someone else
    text = ("Harbour Police Captain Mira Olsen said the search would go on. "
            "A harbour police officer told reporters that the crew was found.")
    assert [c["source"]["name"] for c in claims_of(text)][1] != "Mira Olsen"


def test_per_someone_after_a_comma_is_according_to_them(claims_of):
    claims = claims_of("The ferry lost contact about an hour into the trip, per the Coast Guard, prompting a search.")
    assert [(c["source"]["name"], c["content"]) for c in claims] == \
        [("Coast Guard", "The ferry lost contact about an hour into the trip")], claims
    claims = claims_of("Per the ministry, 300 people were evacuated.")
    assert [c["source"]["name"] for c in claims] == ["ministry"], claims
    # a rate is no source
    assert claims_of("Prices rose 5 per cent and fuel cost 2 euros per litre.") == []


def test_no_sentence_starts_after_a_comma_or_inside_brackets(claims_of):
    text = ("The water level in the reservoir has seriously reduced due to the destruction of the dam, "
            "International Atomic Energy Agency (IAEA) Director General Rafael Grossi said.")
    claims = claims_of(text)
    assert [c["source"]["name"] for c in claims] == ["Rafael Grossi"], claims
    assert claims[0]["content"].startswith("The water level")


def test_coordinated_counts_are_two_claims(claims_of):
    # two clauses whose subjects are counts: a toll and a count of the missing, two claims
    claims = claims_of("At least 14 people are confirmed dead and 27 are missing after the storm, according to the "
                       "regional council.")
    assert sorted(c["content"] for c in claims) == ["27 are missing after the storm", "At least 14 people are confirmed dead"]
    assert {c["source"]["name"] for c in claims} == {"regional council"}
    assert [q["low"] for c in claims for q in c["quantities"]] in ([14, 27], [27, 14])
    # clauses without counted subjects are claims of one cue too, the joint word kept
    # (`test_clauses_side_by_side_are_claims_of_one_cue`)
    claims = claims_of("The council said the bridge was closed and the ferry would run all night.")
    assert [c["content"] for c in claims] == ["the bridge was closed", "and the ferry would run all night"]
    assert len({tuple(c["cue_span"]) for c in claims}) == 1


def test_speaker_set_off_before_an_adjunct(claims_of):
    # the parser hangs the name on the opening clause and the adjunct's noun ("by name") sits
    # right before the verb: the speaker is the name set off by the comma
    claims = claims_of("When the fire first broke out, Governor Ellen Marsh, while not mentioning the utility by name, "
                       "suggested that the company was to blame.")
    found = [c for c in claims if "to blame" in c["content"]]
    assert [c["source"]["name"] for c in found] == ["Ellen Marsh"]


def test_told_at_a_briefing_that(claims_of):
    # the parser hangs the "that" clause on the briefing; for a recipient verb the object is the
    # one told, and the clause is what was said
    claims = claims_of("The harbour master told reporters at a briefing on Monday that the ferry had sunk.")
    assert [(c["source"]["name"], c["content"]) for c in claims] == [("harbour master", "that the ferry had sunk")]
    assert claims[0]["said_on"] == "2024-10-28"


def test_a_figure_given_by_a_source_is_its_claim(claims_of):
    # "the 310 announced by the ministry": the figure is the ministry's claim, even inside another's
    claims = claims_of("The inspectors said the real toll is likely far lower than the 310 announced by the ministry.")
    given = [c for c in claims if c["cue"] == "announce"]
    assert [(c["source"]["name"], c["content"]) for c in given] == [("ministry", "the 310 announced by the ministry")]
    assert [q["low"] for q in given[0]["quantities"]] == [310]
    # an act done by someone is no claim, nor a report described by its length
    assert not [c for c in claims_of("The bridge built by the army in 2019 collapsed.") if c["cue"] == "build"]
    assert not [c for c in claims_of("A 2019 report cited by the agency drew criticism.") if c["cue"] == "cite"]


def test_a_second_that_clause_hung_on_the_cue_is_a_claim_of_its_own(claims_of):
    # the parser hangs ", and that B" on "said": B was lost; it is a claim of the same cue, and the
    # two contents together are the whole of what was said
    text = "The ministry said the bridge was badly damaged by the flood, and that repairs would take at least two months."
    claims = claims_of(text)
    assert [c["content"] for c in claims] == ["the bridge was badly damaged by the flood",
                                              "and that repairs would take at least two months"]
    assert len({tuple(c["cue_span"]) for c in claims}) == 1
    # a clause whose subject is a pronoun says more of the first one's subject: one claim
    text = "He alleged the two directors were arrogant in thinking they could do it all in-house and that they were very impatient."
    assert [c["content"] for c in claims_of(text)] == [
        "the two directors were arrogant in thinking they could do it all in-house and that they were very impatient"]
    # "but that" is the pronoun, not a second clause of what was said
    assert len(claims_of("Rescuers said the submarine had been found, but that was not the case.")) == 1


def test_an_as_complement_of_a_prepositional_cue_is_part_of_what_was_said(claims_of):
    # "pointed to X as Y": the parser hangs "as Y" on the verb; what was said is "X as Y"
    claims = claims_of("The ministry has pointed to the rebel group as the likely cause of the blast.")
    assert [c["content"] for c in claims] == ["the rebel group as the likely cause of the blast"]
    assert claims[0]["stance"] == "possible"  # "as the likely cause" hedges it
    claims = claims_of("Investigators pointed to the old pump as the cause of the fire.")
    assert [(c["content"], c["stance"]) for c in claims] == [("the old pump as the cause of the fire", "asserted")]
    # an "as" clause of time is not part of it
    assert [c["content"] for c in claims_of("The mayor spoke about the storm as it hit the coast.")] == ["the storm"]


def test_a_report_inside_a_relative_clause_says_what_follows_its_verb(claims_of):
    # "N, which X said VP": what X said is VP about N; the relative pronoun, the speaker and the
    # cue are not part of it
    claims = claims_of("Rescuers reached a village that the governor said had been cut off for days.")
    assert [(c["source"]["name"], c["content"]) for c in claims] == [("governor", "had been cut off for days")]
    claims = claims_of("The company sold the plant, which analysts said was losing money.")
    assert [(c["source"]["name"], c["content"]) for c in claims] == [("analysts", "was losing money")]
    # the parser hangs the reported clause on the verb as an xcomp: it was lost
    text = "Officials said the bridge was not damaged by the storm, which the Transport Ministry said killed dozens of people."
    inner = [c for c in claims_of(text) if c["source"]["name"] == "Transport Ministry"]
    assert [c["content"] for c in inner] == ["killed dozens of people"]
    # a frame set inside a sentence keeps the sentence around it
    assert [c["content"] for c in claims_of("The plan, the minister said, will fail.")] == ["The plan, the minister said, will fail."]
    # an infinitive after the verb is no reported clause
    assert not [c for c in claims_of("They visited the dam, which he said to be safe.") if c["content"].startswith("which")]


def test_a_contrasting_clause_after_a_set_in_frame_is_not_what_was_said(claims_of):
    # "A, the police said, while B": B is the writer setting another's report beside A
    claims = claims_of("The storm killed 12 people, the police said, while the Red Cross has said that another 30 are missing.")
    assert [(c["source"]["name"], c["content"]) for c in claims] == [
        ("police", "The storm killed 12 people"), ("Red Cross", "that another 30 are missing")]
    # a "while" clause inside what was said stays in it
    text = "But to prevent problems, he said, local officials should be vigilant while the storm passes."
    assert [c["content"] for c in claims_of(text)] == [text]


def test_a_place_phrase_after_the_speaker_noun_keeps_the_description(claims_of):
    # "the pro-Russian authorities in the part of Kherson": not "pro-Russian"
    claims = claims_of("Russian officials in Mariupol said the water was rising.")
    assert [c["source"]["name"] for c in claims] == ["Russian officials in Mariupol"]
    claims = claims_of("The pro-Russian authorities in the part of Kherson occupied by Moscow troops report seven missing.")
    assert [c["source"]["name"] for c in claims] == ["pro-Russian authorities in the part of Kherson occupied by Moscow troops"]
    # a time is no place: it leaves the name as without it ("A U.S. Navy official said")
    assert [c["source"]["name"] for c in claims_of("A U.S. Navy official at the time said the noise came from the ocean.")] \
        == [c["source"]["name"] for c in claims_of("A U.S. Navy official said the noise came from the ocean.")] == ["U.S. Navy official"]


def test_clauses_side_by_side_are_claims_of_one_cue(claims_of):
    # "X said A, and B": each clause with a subject of its own is a claim; the joint word goes
    # with the clause it opens, so that the two together are all that was said
    claims = claims_of("According to the county, there are 12 roads under water, and residents of two towns are being moved to shelters.")
    assert [c["content"] for c in claims] == ["there are 12 roads under water",
                                              "and residents of two towns are being moved to shelters"]
    assert len({tuple(c["cue_span"]) for c in claims}) == 1
    claims = claims_of("The governor said six bridges were closed and that schools would stay shut on Friday.")
    assert [c["content"] for c in claims] == ["six bridges were closed", "and that schools would stay shut on Friday"]
    # a clause that points back at the first goes on about it, and "but" sets one against the other
    for text in ("The firm said the two directors were careless and that they were very impatient.",
                 "The agency said the dam had burst on Monday and its reservoir drained within hours.",
                 "The report said the pump had failed, but the alarm had worked."):
        assert len([c for c in claims_of(text) if c["mode"] != "continuation"]) == 1, text


def test_an_aside_between_dashes_is_a_claim_of_its_own_too(claims_of):
    from storyledger.ledger.propositions import core

    text = ("Captain Lena Brandt said that wreckage was found in the search zone — which has been widened to twice "
            "the size of the bay — but that none of it matched the ferry.")
    claims = claims_of(text)
    contents = [c["content"] for c in claims]
    assert contents[0].startswith("that wreckage was found") and contents[0].endswith("matched the ferry")
    assert contents[1] == "the search zone — which has been widened to twice the size of the bay"
    assert len({tuple(c["cue_span"]) for c in claims}) == 1  # one cue: together they are what was said
    assert "widened" not in core(contents[0])  # the whole's core leaves the aside to its own claim
    # commas set off background, not a second statement
    assert len(claims_of("The mayor said the bridge, which was built in 1920, would close in May.")) == 1


def test_a_person_named_again_by_what_they_are_is_the_last_who_spoke(claims_of):
    # "the filmmaker", "the Ukrainian president": the writer names the last speaker again
    text = "Anna Berg said the festival had been cancelled. The filmmaker added that she would show her film online."
    assert [c["source"]["name"] for c in claims_of(text)] == ["Anna Berg", "Anna Berg"]
    # before anyone has spoken it stays a description; a rank in a body is left to the body
    text = "The mayor met Anna Berg on Monday. The minister said the plan would fail."
    assert [c["source"]["name"] for c in claims_of(text)] == ["minister"]
    text = "Anna Berg said the talks had failed. The official said they would resume."
    assert [c["source"]["name"] for c in claims_of(text)][1] != "Anna Berg"
    # a speaker whose known role is another is not the one named by this description
    text = "Capt. Lena Brandt said the port was shut. The mayor said the bridge would close."
    assert [c["source"]["name"] for c in claims_of(text)] == ["Lena Brandt", "mayor"]
    text = "Sen. Lena Brandt said the port was shut. The senator added that the bridge would close."
    assert [c["source"]["name"] for c in claims_of(text)] == ["Lena Brandt", "Lena Brandt"]
    # once named again as "the mayor", that is what she is: "the minister" next is someone else
    text = "Anna Berg said the port was shut. The mayor said the bridge would close. The minister said the ferry would run."
    assert [c["source"]["name"] for c in claims_of(text)] == ["Anna Berg", "Anna Berg", "minister"]


def test_the_official_is_the_official_described_before(claims_of):
    # "the official" after "a senior Norwegian Navy official" spoke: named again by the head noun
    text = ("\"The Navy heard a noise,\" a senior Norwegian Navy official told reporters. "
            "While the official said the sound was not definitive, the Navy said it shared the data. "
            "A harbour spokesman said the port was open. The official added that ships had left.")
    names = [c["source"]["name"] for c in claims_of(text)]
    assert names[0] == "senior Norwegian Navy official" and names[1] == names[0] and names[-1] == names[0]
    assert "harbour spokesman" in names[3]  # another head noun is someone else
    # with no one described before, "the official" stays as it is
    assert [c["source"]["name"] for c in claims_of("The official said the port was open.")] == ["official"]


def test_a_body_keeps_the_country_that_owns_it(claims_of):
    # "Russia's Defense Ministry" is not every country's Defense Ministry
    assert [c["source"]["name"] for c in claims_of("Norway's Defense Ministry said the border was calm.")] == ["Norway's Defense Ministry"]
    assert [c["source"]["name"] for c in claims_of("Chile's foreign ministry said the talks had ended.")] == ["Chile's foreign ministry"]
    # a city's body keeps its own name; a name that holds the country stays as it is
    assert [c["source"]["name"] for c in claims_of("Oslo's City Council said the border was calm.")] == ["City Council"]
    assert [c["source"]["name"] for c in claims_of("The Norwegian Defense Ministry said the border was calm.")] == ["Norwegian Defense Ministry"]


def test_a_briefing_relayed_by_one_who_heard_it_is_the_briefers_claim(claims_of):
    # story-gold.md: a lawmaker relaying an intelligence briefing; the agency is the source
    claims = claims_of("The coastal agency told lawmakers that 300 sailors had arrived, according to a lawmaker "
                       "who attended the briefing. The bureau told the committee that the port was closed, "
                       "Senator Ines Ruiz told reporters. Governor Dale Pike said the storm had passed.")
    by = {c["content"]: c for c in claims}
    assert by["that 300 sailors had arrived"]["source"]["name"] == "coastal agency"
    assert by["that 300 sailors had arrived"]["via"] == ["a lawmaker"]
    assert by["that the port was closed"]["source"]["name"] == "bureau"
    assert by["that the port was closed"]["via"] == ["Senator Ines Ruiz"]
    assert not any("told lawmakers" in c["content"] or "told the committee" in c["content"] for c in claims)
    assert by["the storm had passed"]["source"]["name"] == "Dale Pike"


def test_a_report_inside_a_report_that_tells_no_one_stays_the_speakers(claims_of):
    claims = claims_of("Robby Lane asserted that Grant tells so many lies that voters stop listening. "
                       "Admiral Joan Kerr said the ministry could not tell lawmakers how many ships were lost.")
    assert {c["source"]["name"] for c in claims} >= {"Robby Lane", "Joan Kerr"}
    assert not any(c.get("via") for c in claims)


def test_one_quoted_as_saying_is_the_speaker_and_who_quotes_them_a_relay(claims_of):
    claims = claims_of('"We have seen no sign of the convoy," the harbour master was quoted as saying. '
                       'The Daily Courier quoted a port official as saying that two ships had left. '
                       '"The crews are safe," the Herald quoted Captain Ana Reis as saying.')
    by = {c["content"]: c for c in claims}
    assert by["We have seen no sign of the convoy"]["source"]["name"] == "harbour master"
    assert by["that two ships had left"]["source"]["name"].endswith("port official")
    assert by["that two ships had left"]["via"] == ["Daily Courier"]
    assert by["The crews are safe"]["source"]["name"] == "Ana Reis" and by["The crews are safe"]["via"] == ["Herald"]
    assert not any("as saying" in c["content"] for c in claims)


def test_a_speaker_the_parser_hangs_inside_the_clause_before_it(claims_of):
    claims = claims_of("Two ships left port on Monday and headed north, a source in the navy told Reuters. "
                       "Three trucks left the depot on Friday and drove south, a source in the police told the "
                       "Courier. The storm hit the coast and moved inland, a spokesman for the weather office said.")
    by = {c["content"]: c["source"]["name"] for c in claims}
    assert by["Two ships left port on Monday and headed north"].endswith("source in the navy")
    assert by["Three trucks left the depot on Friday and drove south"].endswith("source in the police")
    assert by["The storm hit the coast and moved inland"].endswith("spokesman for the weather office")


def test_a_request_for_anonymity_is_no_claim(claims_of):
    claims = claims_of("A port official, who asked not to be identified because he was not authorised to speak, "
                       "said the barges had left. The mayor asked residents to leave the town.")
    assert [(c["cue"], c["content"]) for c in claims] == [("say", "the barges had left"), ("ask", "to leave the town")]


def test_blaming_each_other_is_the_reporters_summary_not_a_claim(claims_of):
    claims = claims_of("Lisbon and Madrid blamed each other for the flood. The two ministers accused one another of "
                       "lying. The mayor blamed the army for the flood.")
    assert [(c["source"]["name"], c["cue"]) for c in claims] == [("mayor", "blame")]


def test_according_to_a_report_put_out_by_someone_is_theirs_and_not_its_content(claims_of):
    claims = claims_of("The barges had left the quay, according to a report published by the Lisbon Institute on "
                       "Monday. According to a study released by the Harbour Trust, the quay was closed.")
    by = {c["content"].rstrip("."): c["source"]["name"] for c in claims}
    assert by == {"The barges had left the quay": "Lisbon Institute", "the quay was closed": "Harbour Trust"}
    # data held or gathered by someone is theirs ("data": the model's lemma is "datum")
    claims = claims_of("According to data held by Portuguese intelligence, to which the paper has had access, "
                       "Spain runs a recruitment programme for sailors.")
    assert [c["source"]["name"] for c in claims] == ["Portuguese intelligence"], claims


def test_a_source_line_names_who_said_the_paragraph_before_or_the_quote_after(claims_of):
    text = ("Two frigates left Lisbon on Monday. The crews are safe.\n\nSource: Portuguese navy press service\n\n"
            "The ferry was delayed, the harbour office said.\n\n"
            "Source: Admiral Rui Costa in an interview with RTP\n\n"
            "Quote: \"The frigates will be back in May.\"\n\n"
            "Highest share of rainfall in Europe.\n\nOnly five countries get more rain than Portugal.\n\nSource: Eurostat.")
    by = {c["content"].rstrip("."): (c["source"]["name"], c["cue"]) for c in claims_of(text)}
    assert by["Two frigates left Lisbon on Monday"] == ("Portuguese navy press service", "source")
    assert by["The crews are safe"] == ("Portuguese navy press service", "source")
    assert by["The frigates will be back in May"] == ("Rui Costa", "source")
    assert by["The ferry was delayed"] == ("harbour office", "say")  # a claim with its own source stays
    assert not any(name in ("Source", "Eurostat") for name, _ in by.values())  # a chart's data source is no speaker


def test_a_denial_set_after_the_report_by_apposition_or_which(claims_of):
    for text in ("The ministry said the barges had left, a claim the harbour office denied.",
                 "The ministry said the barges had left, which the harbour office denied."):
        by = {(c["source"]["name"], c["cue"]): c for c in claims_of(text)}
        assert by[("ministry", "say")]["content"] == "the barges had left"
        assert by[("harbour office", "deny")]["content"] == "the barges had left"
        assert by[("harbour office", "deny")]["stance"] == "denied"


def test_a_closing_outlet_frame_the_parser_hangs_inside_the_report_is_a_relay(claims_of):
    # the parser hangs "reported" inside what the ministry said for "ships", not for "barges"
    for text in ("The ministry said the ships had left, the newspaper reported.",
                 "The ministry said the barges had left, the newspaper reported."):
        claims = claims_of(text)
        ministry = [c for c in claims if c["source"]["name"] == "ministry"]
        assert [(c["content"].split()[1], c["via"]) for c in ministry] in ([("ships", ["newspaper"])], [("barges", ["newspaper"])])
        assert not any(c["content"].endswith("reported") for c in claims)


def test_asked_about_a_report_a_speaker_who_says_they_cannot_comment_leaves_it_unconfirmed(claims_of):
    claims = claims_of("Asked about reports that the barges had left, the minister said he could not comment. "
                       "Asked about the quay, the mayor declined to comment.")
    got = [(c["source"]["name"], c["content"], c["stance"]) for c in claims]
    assert got == [("minister", "reports that the barges had left", "unconfirmed"), ("mayor", "the quay", "unconfirmed")]


def test_a_clause_across_a_semicolon_is_not_what_the_next_speaker_says(claims_of):
    claims = claims_of("Lisbon claims the ships left on Monday; Madrid says they left on Sunday.")
    by = {c["source"]["name"]: c["content"] for c in claims}
    assert by["Madrid"] == "they left on Sunday"


def test_a_fronted_clause_the_parser_takes_for_a_second_subject_is_what_was_said(claims_of):
    # "left" read as a participle on "ships", "said" given two subjects
    claims = claims_of("The ships left on Monday, Madrid says. The ships left on Monday, officials in Madrid say.")
    assert [(c["source"]["name"], c["content"]) for c in claims] == [
        ("Madrid", "The ships left on Monday"), ("officials in Madrid", "The ships left on Monday")]


def test_a_day_after_a_preposition_is_when_not_what_was_said(claims_of):
    claims = claims_of("Harbour master Lena Brandt testified on Monday. "
                       "Other officials weighed in Friday about whether the quay should reopen.")
    assert [(c["source"]["name"], c["content"]) for c in claims] == [
        ("Other officials", "whether the quay should reopen")]


def test_a_closing_outlet_frame_after_a_quote_mark_ends_the_content(claims_of):
    text = ("Harbour master Lena Brandt testified on Monday. However, she said during the hearing yesterday she "
            "was 'the only qualified pilot' the company had and the 'only one with experience,' Sky News reports.")
    claims = claims_of(text)
    brandt = [c for c in claims if c["source"]["name"] == "Lena Brandt"]
    assert len(brandt) == 1 and not brandt[0]["content"].endswith("reports") and brandt[0]["via"] == ["Sky News"]


def test_a_clause_taken_for_a_subject_is_no_speaker(claims_of):
    claims = claims_of("The sensor detected what it suspected was the sound of a collapse and reported its findings "
                       "to the commander, officials said.")
    assert [c["source"]["name"] for c in claims] == ["officials"]


def test_deeds_told_with_a_verb_of_speech_are_no_claims(claims_of):
    claims = claims_of("Protesters attacked the embassy. The council called off a planned summit with the mayor. "
                       "Borduria declared war on Syldavia. The senator attacked the plan as reckless. "
                       "The minister called for calm.")
    assert [(c["source"]["name"], c["content"]) for c in claims] == [
        ("senator", "the plan as reckless"), ("minister", "calm")]


def test_a_charge_the_parser_hangs_on_a_time_phrase_is_part_of_the_accusation(claims_of):
    # the parser hangs "of ..." on "week" here (not for "the Daily Courier")
    claims = claims_of("Rep. Ana Reis (Ore.) accused the New York Times last week of bad-faith reporting with its "
                       "coverage of the quarry collapse. The mayor criticised the ministry last week.")
    by = {c["source"]["name"]: c["content"] for c in claims}
    assert by["Ana Reis"].endswith("of bad-faith reporting with its coverage of the quarry collapse")
    assert by["mayor"] == "the ministry"


def test_he_after_a_surname_the_model_took_for_a_place_is_that_person(claims_of):
    # "Nebenzia said ... He added": no person named, the last speaker a lone capitalised word that
    # is no place, acronym or outlet
    claims = claims_of("During a meeting of the Security Council, Vasquenzia said that the council alone could "
                       "order an inquiry.\n\nHe added: \u201cThere are attempts to impose an inquiry.\u201d")
    assert [c["source"]["name"] for c in claims] == ["Vasquenzia", "Vasquenzia"], claims
    # a place or a capital that spoke is no "he"
    claims = claims_of("Madrid said the talks had failed. He added that more would follow.")
    assert claims[-1]["source"]["name"] != "Madrid", claims


def test_the_organization_or_the_outlet_is_the_latest_body_of_that_kind_named(claims_of):
    text = ("The Lisbon Seismic Office (LSO) said it had registered signals of a blast, the organization said on "
            'its website. "The LSO has analysed signals from regional stations," the organization said. '
            "The Daily Courier reported the blast. The mayor said the quay was closed, the Harbour Gazette "
            "noted. The ferry will not sail, the outlet reported.")
    by = {c["content"].rstrip("."): c for c in claims_of(text)}
    assert by["The LSO has analysed signals from regional stations"]["source"]["name"] in ("LSO", "Lisbon Seismic Office")
    assert by["The ferry will not sail"]["source"]["name"] == "Harbour Gazette"
    # "X said C, the organization said": one statement of X, not the organization's report of it
    first = [c for c in claims_of(text) if "registered signals" in c["content"]]
    assert [c["content"] for c in first] == ["it had registered signals of a blast"], first
    # a relay by a body that is not the one named stands: "the mayor said C, the agency reported"
    relayed = claims_of("The mayor said the quay was closed, the agency reported.")
    assert {c["source"]["name"] for c in relayed} == {"mayor", "agency"}, relayed


def test_an_inverted_frame_with_a_described_speaker_closing_the_sentence_is_not_content(claims_of):
    claims = claims_of("The barges had left, said Reis, the harbour's director. "
                       "The plan is vague, experts say, including a clause they say could exclude mothers.")
    by = {}
    for c in claims:
        by.setdefault(c["source"]["name"], c["content"])
    assert by["Reis"] == "The barges had left"
    assert by["experts"].startswith("The plan is vague") and "including" in by["experts"]


def test_said_it_could_neither_confirm_nor_deny_is_one_claim(claims_of):
    claims = claims_of("The club said it could neither confirm nor deny the transfer rumours.")
    assert [(c["cue"], c["content"], c["stance"]) for c in claims] == [
        ("say", "it could neither confirm nor deny the transfer rumours", "unconfirmed")]


def test_a_frame_the_parser_hangs_on_the_clause_after_its_colon(claims_of):
    for text, who in (("The governor wrote on Telegram: the ships have left.", "governor"),
                      ("The mayor wrote on Facebook: the ships have left.", "mayor"),
                      ("The minister wrote on Telegram: the barges have left the quay.", "minister")):
        claims = claims_of(text)
        assert [(c["source"]["name"], c["cue"]) for c in claims] == [(who, "write")]
        assert claims[0]["content"].startswith("the ") and not claims[0]["content"].endswith(".")


def test_a_source_briefed_by_another_relays_the_briefers_claim(claims_of):
    text = ("About 300 sailors had arrived, the Harbour Gazette reported, citing a lawmaker who was briefed by "
            "the coastal intelligence service. About 40 barges had sunk, according to a lawmaker who was briefed "
            "by the coastal intelligence service. The coastal intelligence service briefed lawmakers that the "
            "port was closed.")
    by = {c["content"]: c for c in claims_of(text)}
    first = by["About 300 sailors had arrived"]
    assert first["source"]["name"] == "coastal intelligence service" and first["via"] == ["a lawmaker", "Harbour Gazette"]
    second = by["About 40 barges had sunk"]
    assert second["source"]["name"] == "coastal intelligence service" and second["via"] == ["a lawmaker"]
    assert by["that the port was closed"]["source"]["name"] == "coastal intelligence service"


def test_according_to_an_outlet_that_cited_someone_is_theirs_via_the_outlet(claims_of):
    claims = claims_of("The quay was quiet. According to the Courier, which cited two port officials, about 300 "
                       "sailors had arrived.")
    assert [(c["source"]["name"], c["via"]) for c in claims] == [("two port officials", ["Courier"])]


def test_a_report_set_against_another_in_a_while_clause_ends_its_content(claims_of):
    claims = claims_of("Costa and Reis met on Monday. Costa said the barges had left, while Reis said they were "
                       "still at the quay.")
    assert [(c["source"]["name"], c["content"]) for c in claims] == [
        ("Costa", "the barges had left"), ("Reis", "they were still at the quay")]


def test_a_body_raising_or_revising_a_figure_gives_it(claims_of):
    claims = claims_of("The ministry raised the death toll to 16 on Tuesday. Officials revised the number of "
                       "missing down to 40. The storm raised the death toll to 18. The bank raised rates to 5 percent.")
    assert [(c["source"]["name"], c["cue"]) for c in claims] == [("ministry", "raise"), ("Officials", "revise")]
    assert claims[0]["content"].startswith("the death toll to 16")


def test_the_writers_note_that_a_figure_is_unverified_is_not_what_was_said(claims_of):
    claims = claims_of("Port officials say about 300 sailors have arrived, a figure that could not be "
                       "independently verified.")
    assert [c["content"] for c in claims] == ["about 300 sailors have arrived"]


def test_a_quote_paragraph_carries_on_the_indirect_report_that_ends_the_paragraph_before(claims_of):
    text = ('Harbour master Lena Brandt said the barges had left on Monday.\n\n'
            '"They will not return before May. The crews are safe."\n\n'
            'The quay was quiet on Tuesday.\n\n'
            '"Nobody has been told anything about the cargo."')
    claims = claims_of(text)
    assert [(c["source"]["name"], c["content"]) for c in claims] == [
        ("Lena Brandt", "the barges had left on Monday"), ("Lena Brandt", "They will not return before May."),
        ("Lena Brandt", "The crews are safe.")]  # the last quote follows no report: nobody's


def test_a_paragraph_in_the_first_person_after_a_released_statement_is_the_statement(claims_of):
    text = ("The quay is deep.\n\nThe Harbour Trust released a statement about its missing barge.\n\n"
            "For some time, we have been unable to reach the barge. Our entire focus is on the crew, as we seek to "
            "re\n")
    claims = claims_of(text)
    assert [(c["source"]["name"], c["content"].rstrip(".")) for c in claims] == [
        ("Harbour Trust", "For some time, we have been unable to reach the barge"),
        ("Harbour Trust", "Our entire focus is on the crew, as we seek to re")]
    text = "The Harbour Trust released a statement about its missing barge.\n\nThe barge was built in 1990."
    assert claims_of(text) == []  # no first person: the writer's


def test_a_body_giving_a_figure_as_a_number_gives_it(claims_of):
    claims = claims_of("The health ministry gave the death toll as 47, revising its earlier figure of 50.")
    assert [(c["source"]["name"], c["cue"], c["content"]) for c in claims] == [
        ("health ministry", "give", "the death toll as 47, revising its earlier figure of 50")]
    assert claims_of("The mayor gave the book to the school as a gift.") == []


def test_a_headline_below_a_site_search_prompt_is_still_a_heading(claims_of):
    text = ("Connect with us\n\nHi, what are you looking for?\n\n"
            "'We do not know what they are': search for the noises will go on, harbour office says\n\n"
            "It is unclear what the noises near the quay are, the harbour office has said.")
    claims = claims_of(text)
    assert [c["content"] for c in claims] == ["It is unclear what the noises near the quay are"]


def test_a_quote_left_open_at_its_paragraphs_end_takes_the_frame_that_closes_it(claims_of):
    # the paragraph before ends in another's indirect report: the quote is not that speaker's
    text = ('On Monday, harbour master Lena Brandt said that the ferry had left the quay.\n\n'
            '"I stress once again that the company has not sold any of its ferries.\n\n'
            'We have always kept to the rules," the company spokesman Rui Lobo said.')
    claims = claims_of(text)
    first = next(c for c in claims if "not sold" in c["content"])
    assert first["source"]["name"] == "Rui Lobo"
    assert (first["stance"], first["polarity"]) == ("asserted", "negative")  # "I stress that X": X's polarity
    assert next(c for c in claims if "ferry had left" in c["content"])["source"]["name"] == "Lena Brandt"


def test_a_name_the_model_ran_into_the_body_before_it_is_the_speaker(claims_of):
    claims = claims_of("Portugal's ambassador to the United Nations Rui Tavares Lobo said the reports were false.")
    assert [c["source"]["name"] for c in claims] == ["Rui Tavares Lobo"]


def test_a_denial_under_a_closing_according_to_an_outlet_is_the_deniers(claims_of):
    claims = claims_of("Lisbon has also denied selling the ferries to Madrid, according to a Reuters report.")
    assert len(claims) == 1, claims
    c = claims[0]
    assert (c["source"]["name"], c["stance"]) == ("Lisbon", "denied")
    assert c["via"] == ["Reuters"]


def test_a_clause_an_outlet_quoted_someone_as_saying_is_theirs_via_the_outlet(claims_of):
    # the parser makes "quoted" a conjunct of "sent" and the officials its content
    text = ("Lisbon has sent engineers to Porto to help the crews overcome problems with the ferries, the Daily "
            "Courier quoted current and former port officials as saying. The engineers are from the navy, they said.")
    claims = claims_of(text)
    officials = "current and former port officials"
    assert [(c["source"]["name"], c["via"], c["content"]) for c in claims] == [
        (officials, ["Daily Courier"], "Lisbon has sent engineers to Porto to help the crews overcome problems with the ferries"),
        (officials, [], "The engineers are from the navy")]  # "they": the officials, not the relay


def test_why_a_source_spoke_anonymously_is_no_claim(claims_of):
    text = ("The ferries left at dawn, according to two port officials, who spoke on condition of anonymity to "
            "discuss the schedule.")
    claims = claims_of(text)
    assert [c["content"] for c in claims] == ["The ferries left at dawn"]


def test_a_speaker_the_parser_listed_with_the_nouns_before_it_closes_the_sentence(claims_of):
    # the parser makes "command" a conjunct of "drone" and leaves "said" with no subject
    claims = claims_of("For the first time in Sudan, these included a Mohajer-6, a larger Iranian drone, the southern army command said.")
    assert [(c["source"]["name"], c["content"]) for c in claims] == [
        ("southern army command", "For the first time in Sudan, these included a Mohajer-6, a larger Iranian drone")]


def test_a_relative_clause_after_a_frame_set_inside_the_sentence_is_the_writers(claims_of):
    claims = claims_of("The last shipment from Lisbon to Porto included about 450 barges, officials said, which the "
                       "crews have already used in the harbour.")
    assert [(c["source"]["name"], c["content"]) for c in claims] == [
        ("officials", "The last shipment from Lisbon to Porto included about 450 barges")]


def test_a_denial_of_having_done_something_and_the_rebuttal_of_that_denial(claims_of):
    claims = claims_of("Lisbon denies having sold the barges to Porto, an assertion that the Porto mayor rejects.")
    assert [(c["source"]["name"], c["cue"], c["content"]) for c in claims] == [
        ("Lisbon", "deny", "having sold the barges to Porto"), ("Porto mayor", "reject", "having sold the barges to Porto")]
    # rejecting a denial holds what was denied; rejecting a claim denies it
    assert [c["stance"] for c in claims] == ["denied", "asserted"]
    claims = claims_of("The mayor said the barges had left Porto, a claim the port authority denied.")
    assert [c["stance"] for c in claims] == ["asserted", "denied"]


def test_after_a_colon_lead_the_that_clause_the_parser_hung_on_a_later_noun_is_what_was_said(claims_of):
    text = ("Lisbon denies it: Rui Tavares, Portugal's deputy representative to the council, told reporters at a "
            "press conference after the council meeting that all the barges used in Porto are Spanish.")
    claims = claims_of(text)
    said = next(c for c in claims if c["cue"] == "tell")
    assert (said["source"]["name"], said["content"]) == ("Rui Tavares", "that all the barges used in Porto are Spanish")


def test_a_denial_that_puts_its_label_before_what_it_denies(claims_of):
    for text, content in [
        ("Lisbon denies as baseless accusations it sends barges to Porto.", "accusations it sends barges to Porto"),
        ("Lisbon firmly rejects as unfounded the claims that it is selling barges to Porto.", "the claims that it is selling barges to Porto"),
    ]:
        claims = claims_of(text)
        assert [(c["source"]["name"], c["stance"], c["content"]) for c in claims] == [("Lisbon", "denied", content)]


def test_a_named_outlets_report_relays_what_a_named_speaker_said(claims_of):
    text = ("Foreign Minister Rui Tavares on Saturday said that a few barges had been sold to Porto, according to a "
            "report by the state news agency Lusa.")
    claims = claims_of(text)
    assert [(c["source"]["name"], c["via"]) for c in claims] == [("Rui Tavares", ["Lusa"])]
    # a report by no one named leaves the finding one attribution, the report's (PolNeAR)
    claims = claims_of("Tavares said he would win the vote, according to press reports.")
    assert [c["source"]["name"] for c in claims] == ["press reports"]



def test_hearing_from_someone_is_no_statement(claims_of):
    assert claims_of("During the hearing, port investigators heard from the former harbour master Lena Brandt.") == []
    claims = claims_of("Investigators heard from port officials that the quay had been closed for a week.")
    assert [c["content"] for c in claims] == ["that the quay had been closed for a week"]


def test_a_briefing_told_at_a_meeting_the_parser_hung_its_clause_on(claims_of):
    text = ("The harbour authority told lawmakers in a closed-door briefing that more ferries were expected to "
            "follow, according to Rep. Rui Tavares-Lobo, who attended the briefing.")
    claims = claims_of(text)
    assert [(c["source"]["name"], c["via"], c["content"]) for c in claims] == [
        ("harbour authority", ["Rep. Rui Tavares-Lobo"], "that more ferries were expected to follow")]
    # a relative clause on the meeting is no content
    assert claims_of("The minister told reporters at the briefing that the lawmakers attended on Monday.") == []


def test_a_wire_dateline_is_no_part_of_the_content(claims_of):
    for text in ["LISBON, Nov 4 (Reuters) - About 1,500 barges have left the port, the harbour authority said.",
                 "LISBON (AP) — About 1,500 barges have left the port, the harbour authority said.",
                 "LISBON, November 4. /Lusa/. About 1,500 barges have left the port, the harbour authority said."]:
        claims = claims_of(text)
        assert [c["content"] for c in claims] == ["About 1,500 barges have left the port"], text
    claims = claims_of("Officials said US (and EU) ships met on Monday.")
    assert [c["content"] for c in claims] == ["US (and EU) ships met on Monday."]


def test_a_countrys_body_keeps_its_country_when_the_model_takes_in_the_possessive(claims_of):
    # the model tags "South Korea's" as one place, "navy" as the body
    claims = claims_of("South Korea's navy said two barges were spotted off the coast.")
    assert [c["source"]["name"] for c in claims] == ["South Korea's navy"]


def test_a_short_quote_after_a_colon_is_one_claim(claims_of):
    claims = claims_of('Asked whether the barges had left, the harbour master said: "I don\'t know."')
    assert [c["content"] for c in claims if c["cue"] == "say"] == ["I don't know."]


def test_an_outlet_or_report_that_cited_someone_relays_them(claims_of):
    for text, via in [("Reuters, which cited two port officials, said the barges carried grain.", "Reuters"),
                      ("The report, which cited unnamed officials, said the barges carried grain.", "report")]:
        claims = claims_of(text)
        assert [(c["source"]["name"], c["via"], c["content"]) for c in claims] == [
            (claims[0]["source"]["name"], [via], "the barges carried grain")], text
        assert "officials" in claims[0]["source"]["name"]


def test_a_relayed_briefing_credits_the_briefer_whichever_order_the_frames_come_in(claims_of):
    # "C, the agency told lawmakers, according to a lawmaker": the agency said C, the lawmaker relays it
    claims = claims_of("Some 3,000 Portuguese sailors had been moved to Spain by ship, the navy told lawmakers, "
                       "according to Ana Reis, who attended the meeting.")
    assert [(c["source"]["name"], c["via"], c["content"]) for c in claims] == [
        ("navy", ["Ana Reis"], "Some 3,000 Portuguese sailors had been moved to Spain by ship")]
    # "The agency said that C, lawmaker X told reporters": the closing teller relays, and is no part of C
    claims = claims_of("The intelligence agency said in a closed-door briefing to lawmakers that Portuguese sailors "
                       "were being trained in Spain, lawmaker Ana Reis told reporters.")
    assert [(c["source"]["name"], c["via"], c["content"]) for c in claims] == [
        ("intelligence agency", ["lawmaker Ana Reis"], "that Portuguese sailors were being trained in Spain")]


def test_a_that_clause_the_parser_hangs_on_the_occasion_is_what_was_said(claims_of):
    # "told reporters after a briefing by the agency that C": the parser makes C a relative clause of "briefing"
    claims = claims_of("Lawmaker Ana Reis told reporters after a closed-door briefing by the National Intelligence "
                       "Service that Portugal had sent 1,500 sailors.")
    assert [(c["source"]["name"], c["content"]) for c in claims] == [("Lawmaker Ana Reis", "that Portugal had sent 1,500 sailors")]
    # a relative clause of its own stays no claim: "a briefing that lasted an hour"
    claims = claims_of("Lawmaker Ana Reis spoke to reporters after a briefing that lasted an hour.")
    assert not [c for c in claims if "lasted" in c["content"]]


@pytest.mark.parametrize("text, expected", [
    # a non-answer named by "comment": each source's, unconfirmed, about what it names if it does
    ("There was no immediate comment from Lisbon or Madrid.",
     [("Lisbon", "no immediate comment"), ("Madrid", "no immediate comment")]),
    ("Lisbon gave no immediate comment on the captured sailors.", [("Lisbon", "the captured sailors")]),
    ("The harbour master had no comment.", [("harbour master", "no comment")]),
    ("Officials in Lisbon could not be reached for comment.", [("Officials in Lisbon", "reached for comment")]),
])
def test_no_comment_is_a_non_answer_of_each_source(claims_of, text, expected):
    claims = claims_of(text)
    assert [(c["source"]["name"], c["content"]) for c in claims] == expected
    assert {c["stance"] for c in claims} == {"unconfirmed"}
    assert len({c["id"] for c in claims}) == len(claims)


def test_a_comment_that_was_made_is_no_non_answer(claims_of):
    assert claims_of("The comment was made on Monday after the harbour closed.") == []


def test_a_phrase_that_names_no_one_leaves_the_description_whole(claims_of):
    cs = claims_of("Chilean prisoners of war under armed guard told journalists they hoped to be swapped. "
                   "OSLO — Norwegian divers under police escort told reporters the wreck had moved. "
                   "Officials from the U.S. Navy said the search would go on.")
    names = [c["source"]["name"] for c in cs]
    assert names == ["Chilean prisoners of war", "Norwegian divers", "U.S. Navy"]


def test_they_after_a_sentence_about_plural_people_is_those_people(claims_of):
    cs = claims_of("The ministry said the port was closed. "
                   "Two fishermen were rescued off the coast on Sunday. Speaking to reporters, they said the boat had capsized. "
                   "Experts with the firm Global Rights Compliance, which advises the court, visited the region. "
                   "They dismissed the theory that the breach was caused by neglect. "
                   "The reports were checked. They said the dam had been mined.")
    by = {c["content"][:12]: c["source"] for c in cs}
    assert by["the boat had"]["name"] == "Two fishermen" and by["the boat had"]["kind"] == "unnamed"
    assert by["the theory t"]["name"] == "Experts with the firm Global Rights Compliance"
    assert by["the dam had "]["name"] != "The reports"  # reports are no people: the last who spoke


def test_a_to_phrase_after_the_object_that_runs_on_is_part_of_it(claims_of):
    # the parser hangs "to the dispute" on the verb and "against ..." on "dispute"
    cs = claims_of('Lisbon warned parties to the dispute against making "irresponsible remarks." '
                   "Madrid urged all parties to the conflict against escalating the fighting. "
                   "The minister said to reporters that the port was shut.")
    assert [c["content"] for c in cs] == ['parties to the dispute against making "irresponsible remarks.',
                                          "all parties to the conflict against escalating the fighting",
                                          "that the port was shut"]


def test_for_the_first_time_that_x_is_what_was_admitted(claims_of):
    # the parser makes the clause a relative one of "time", "that" its adverb
    cs = claims_of("The Portuguese government admitted on Saturday for the first time that it had sold rifles to Madrid. "
                   "Lisbon has acknowledged for the first time that it supplied Madrid with rifles but said they were sent before the war.")
    assert [(c["cue"], c["content"]) for c in cs][:2] == [("admit", "that it had sold rifles to Madrid"),
                                                       ("acknowledge", "that it supplied Madrid with rifles")]
    assert [c["stance"] for c in cs][:2] == ["confirmed", "confirmed"]


def test_a_quote_a_document_is_said_to_read_is_its_authors(claims_of):
    cs = claims_of('"The patrol heard knocking every 30 minutes," the NATO email read. '
                   '"We will not comment on the matter," the statement reads. '
                   "A patrol plane detected knocking, according to an internal memo sent by the Norwegian Coast Guard.")
    assert [(c["source"]["name"], c["cue"]) for c in cs] == [("NATO", "read"), ("NATO", "read"),
                                                           ("Norwegian Coast Guard", "according to")]
    assert cs[0]["source"]["mention"] == "the NATO email"


def test_a_quoted_noun_cue_keeps_its_that_clause(claims_of):
    # quote marks around "high confidence" make the parser read the clause as a relative one
    cs = claims_of('The inspectors now have "high confidence" that the fire was set deliberately. '
                   "The inspectors have high confidence that the fire was set deliberately.")
    assert [(c["cue"], c["content"]) for c in cs] == [("confidence", "that the fire was set deliberately")] * 2


def test_expressing_oneself_says_nothing(claims_of):
    cs = claims_of("The men sat flanked by guards, with no way of telling whether they were expressing themselves freely. "
                   "He explained himself at length. The mayor expressed hope that the road would reopen. "
                   "The senator described himself as a moderate.")
    assert [c["cue"] for c in cs] == ["express hope", "describe"]


def test_ordering_a_force_somewhere_is_an_act(claims_of):
    cs = claims_of("The president ordered tens of thousands of troops into the north in 2022. "
                   "The general ordered the tanks back to the base. "
                   "The court ordered the release of the prisoners. The minister ordered that the port be closed.")
    assert [c["content"] for c in cs] == ["the release of the prisoners", "that the port be closed"]


def test_a_label_set_before_a_long_object_leaves_the_object_said(claims_of):
    # "denied as baseless accusations that X": the parser hangs the object on "as"
    cs = claims_of('Lisbon on Thursday denied as "baseless" accusations it was selling rifles to Madrid. '
                   "The ministry dismissed the reports as fake.")
    assert [(c["cue"], c["stance"]) for c in cs] == [("deny", "denied"), ("dismiss", "denied")]
    assert "accusations it was selling rifles to Madrid" in cs[0]["content"] and "baseless" in cs[0]["content"]


def test_a_possessor_of_a_report_noun_is_named_without_its_possessive(claims_of):
    claims = claims_of("The council's conclusion that the pier was closed by the storm has not changed.")
    assert [(c["source"]["name"], c["source"]["mention"]) for c in claims] == [("council", "The council")], claims
    claims = claims_of("Paulo Mendes's claim that the harbour was mined drew little attention.")
    assert [c["source"]["name"] for c in claims] == ["Paulo Mendes"], claims


def test_reporting_on_someones_claims_relays_them(claims_of):
    # "outlets reported on claims from X that C": the claim is X's, the outlets pass it on
    claims = claims_of("The Daily Post was among many outlets that quickly reported on claims from harbour officials "
                       "that a storm sank some 50 boats at the marina.")
    assert [(c["source"]["name"], c["via"]) for c in claims] == [("harbour officials", ["many outlets"])], claims
    assert claims[0]["content"] == "that a storm sank some 50 boats at the marina"
    claims = claims_of("The Daily Post reported on allegations by the union that the port had been sold.")
    assert [(c["source"]["name"], c["via"]) for c in claims] == [("union", ["Daily Post"])], claims
    # a report of its own stays the outlet's
    claims = claims_of("The Daily Post reported that a storm sank some 50 boats.")
    assert [c["source"]["name"] for c in claims] == ["Daily Post"]


def test_a_report_in_a_paper_is_the_papers(claims_of):
    claims = claims_of("A report in the Daily Post that the mayor had resigned was denied by his office.")
    got = {(c["source"]["name"], c["stance"], c["content"]) for c in claims}
    assert ("Daily Post", "asserted", "that the mayor had resigned") in got, claims
    assert any(c["source"]["name"] == "his office" and c["stance"] == "denied" for c in claims)
    # a place or a day after "in" is no paper
    claims = claims_of("Claims in Lisbon that the mayor had resigned spread quickly.")
    assert not any(c["source"]["name"] == "Lisbon" for c in claims), claims


def test_an_agency_is_a_news_outlet_only_when_it_says_so(claims_of):
    kinds = lambda text: [(c["source"]["name"], c["source"]["kind"]) for c in claims_of(text)]  # noqa: E731
    assert kinds("Portugal's intelligence agency said the troops had crossed the border.")[0][1] == "organization"
    assert kinds("The International Maritime Agency said the port was closed.")[0][1] == "organization"
    assert kinds("The news agency Agencia Sul said the port was closed.")[0][1] == "media"
    # a capital alone is its government; with a paper's word after it, the paper
    assert kinds("Kyiv said the port was closed.")[0][1] != "media"
    assert kinds("The Kyiv Post said the port was closed.")[0][1] == "media"
    # "the coast guard", "the police": one institution, not a group of people
    assert kinds("The coast guard said the search would continue.")[0][1] == "organization"
    assert kinds("The officials said the search would continue.")[0][1] == "unnamed"
    # an agency's own name says it ("Agencia", "Agence"), though the model takes it for a person,
    # and what it reports another said is that one's, relayed
    claims = claims_of("The ambassador Paulo Reis said the report was false, the Brazilian news agency Agencia Sul reported.")
    got = {(c["source"]["name"], c["source"]["kind"], tuple(c["via"])) for c in claims}
    assert ("Paulo Reis", "person", ("Agencia Sul",)) in got and ("Agencia Sul", "media", ()) in got, got


def test_a_denials_own_label_of_what_it_denied_is_no_second_claim(claims_of):
    claims = claims_of("The operator denied that the ferry had been overloaded, calling the claims baseless.")
    assert [(c["cue"], c["content"]) for c in claims] == [("deny", "that the ferry had been overloaded")], claims
    claims = claims_of("The ministry denied the report, calling it fabricated.")
    assert [c["cue"] for c in claims] == ["deny"], claims
    # a label of something else than what was denied stands
    claims = claims_of("The ministry denied the report, calling the editor a liar.")
    assert {c["cue"] for c in claims} == {"deny", "call"}, claims


def test_closing_according_to_covers_the_sentences_before_it_in_its_paragraph(claims_of):
    # "..., according to X." closing a paragraph: the sentence before it that it carries on is X's too
    text = ("The navy has sunk more than 40 patrol boats since the spring. Two of them were hit overnight, "
            "according to the coast guard.\n\nThe harbour reopened on Friday.")
    claims = claims_of(text)
    first = one(claims, "more than 40 patrol boats")
    assert first["source"]["mention"] == "the coast guard" and first["cue"] == "according to"
    assert one(claims, "Two of them were hit")["source"]["mention"] == "the coast guard"
    assert not [c for c in claims if "harbour reopened" in c["content"]]  # another paragraph: the writer's
    # an aside on the source after it does not stop it closing the paragraph
    claims = claims_of("Originally, the army sent its pilots abroad for training. But as delays grew, the supplier "
                       "sent its own trainers instead, according to two officials, who spoke on condition of anonymity.")
    assert one(claims, "sent its pilots abroad")["source"]["mention"] == "two officials"


def test_closing_according_to_leaves_the_writers_sentences_alone(claims_of):
    # a sentence on something else: nothing carries it on
    claims = claims_of("It was in the last decade that the city saw its biggest boom in housing. The port's cargo "
                       "volume stood at 2 million tonnes in 2010, according to the harbour authority.")
    assert not [c for c in claims if "biggest boom" in c["content"]]
    # the writer's words about the source itself
    claims = claims_of("More poet than mayor, Lopez struggles with budgets. Every meeting on budgets runs long, "
                       "according to Lopez.")
    assert not [c for c in claims if "struggles with budgets" in c["content"]]
    # "According to X, ..." opening its sentence covers that sentence only
    claims = claims_of("The bridge closed in May. According to the ministry, the bridge will reopen in June.")
    assert not [c for c in claims if "closed in May" in c["content"]]
    # a sentence with a claim of its own stops the run
    claims = claims_of("The mayor said the dam had failed at dawn. The dam failed after days of rain, according to the "
                       "water board.")
    assert one(claims, "had failed at dawn")["source"]["name"] != "water board"


def test_a_counted_object_and_a_counted_clause_are_two_figures(claims_of):
    claims = claims_of("Local officials reported 12 dead and 40 injured after the storm.")
    assert one(claims, "12 dead")["content"] == "12 dead"
    assert one(claims, "40 injured")["source"]["mention"] == "Local officials"
    claims = claims_of("The river authorities report five missing due to the flood and almost 900 people evacuated.")
    assert one(claims, "five missing")["content"] == "five missing due to the flood"
    assert one(claims, "900 people evacuated")["cue"] == "report"
    # a counted object and a clause that counts nothing: one statement, as before
    claims = claims_of("The agency reported 12 dead and the roads were closed.")
    assert not [c for c in claims if c["content"].startswith("the roads")]


def test_a_quote_opening_a_report_before_and_that_is_the_first_thing_said(claims_of):
    claims = claims_of('The skipper said "the nets were cut in the night" and that the coast guard '
                       '"was not as quick as they claim."')
    c = one(claims, "nets were cut")
    assert c["source"]["mention"] == "The skipper" and c["mode"] == "direct"
    assert one(claims, "not as quick")["source"]["mention"] == "The skipper"


def test_a_family_name_written_first_names_the_person(claims_of):
    # "Chen Weiming" named, then "Chen said": Chen Weiming, and "he" after it
    claims = claims_of("The two captives, Chen Weiming and Liu Bo, were interviewed on Monday. Chen said the camp "
                       "was cold. He also urged others to stay home.")
    assert one(claims, "camp was cold")["source"]["name"] == "Chen Weiming"
    assert one(claims, "stay home")["source"]["name"] == "Chen Weiming"
    # a last name stays the surname it is: "Harris" after Kamala Harris, not Harris Wong
    claims = claims_of("Harris Wong met reporters on Monday. Senator Kamala Harris said the bill would pass. "
                       "Harris added that the vote was set.")
    assert one(claims, "vote was set")["source"]["name"] == "Kamala Harris"
