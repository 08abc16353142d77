"""said_on on invented sentences: the day of saying, general rules of news English (issue 14)."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def one(claims, needle):
    found = [c for c in claims if needle in c["content"]]
    assert len(found) == 1, [c["content"] for c in claims]
    return found[0]


def test_later_quotes_of_a_speaker_take_the_day_named_before(claims_of):
    text = ("Harbour master Lena Brandt said on Tuesday that the port was closed. "
            '"It will stay closed until the inspection ends," Brandt added. '
            "Brandt also said that two ships had been turned away.")
    claims = claims_of(text, published="2024-10-31")  # a Thursday
    assert [c["said_on"] for c in claims] == ["2024-10-29"] * 3


def test_a_later_quote_put_before_is_not_given_the_day(claims_of):
    text = ("Harbour master Lena Brandt said on Tuesday that the port was closed. "
            "Brandt had said earlier that the port would stay open.")
    claims = claims_of(text, published="2024-10-31")
    assert one(claims, "stay open")["said_on"] is None


def test_last_weekday_on_that_weekday_is_a_week_before(claims_of):
    c = one(claims_of("Harbour master Lena Brandt said last Thursday that the port was closed.", published="2024-10-31"), "port")
    assert c["said_on"] == "2024-10-24"


def test_a_time_in_a_clause_of_its_own_is_not_the_day_of_saying(claims_of):
    text = ("Although the noises were heard on Monday, Admiral Rui Costa said on Wednesday that no link was found. "
            "Mayor Ines Dias, who visited the site on Monday, said the dam was safe. "
            "Mayor Ines Dias said a pact signed in June was void.")
    claims = claims_of(text, published="2024-10-31")
    assert one(claims, "no link")["said_on"] == "2024-10-30"
    assert one(claims, "dam was safe")["said_on"] is None
    assert one(claims, "pact")["said_on"] is None


def test_a_dateline_is_not_the_day_of_saying(claims_of):
    c = one(claims_of("KYIV, Oct 28 (Reuters) - Minister Olena Kravets said the bridge was closed."), "bridge")
    assert c["said_on"] is None


def test_a_participle_adjunct_of_the_cue_dates_the_saying(claims_of):
    text = "Speaking at a Wednesday briefing, General Tomas Ruiz said the troops had left."
    assert one(claims_of(text, published="2024-10-31"), "troops")["said_on"] == "2024-10-30"


def test_a_published_report_says_it_on_its_day(claims_of):
    text = "The report, published on Monday, says the dam is unsafe."
    assert one(claims_of(text, published="2024-10-31"), "dam")["said_on"] == "2024-10-28"


def test_a_statement_or_briefing_named_with_its_day_dates_the_saying(claims_of):
    text = ("The bridge was closed, Minister Olena Kravets said in a statement published on Monday. "
            "In a post made on Tuesday, the harbour authority said: \"The port stays shut.\" "
            "Mayor Ines Dias said the dam was safe, speaking to reporters on Wednesday.")
    claims = claims_of(text, published="2024-10-31")
    assert one(claims, "bridge")["said_on"] == "2024-10-28"
    assert one(claims, "port")["said_on"] == "2024-10-29"
    dam = one(claims, "dam")
    assert dam["said_on"] == "2024-10-30"
    assert "speaking" not in dam["content"]  # how it was said is not what was said


def test_a_time_hung_on_the_cue_inside_its_object_dates_the_saying(claims_of):
    text = "Mayor Ines Dias accused the contractor on Tuesday of hiding the cracks."
    assert one(claims_of(text, published="2024-10-31"), "contractor")["said_on"] == "2024-10-29"
    # but a time of the content's own event is not the saying's
    text = "Mayor Ines Dias said the contractor hid the cracks on Tuesday."
    assert one(claims_of(text, published="2024-10-31"), "contractor")["said_on"] is None


def test_an_amount_of_time_does_not_hide_the_day(claims_of):
    # "72 hours of power" is a duration: it dates nothing, and the day later in the sentence does
    text = ("The grid holds 72 hours of reserve power, with engineer Tomas Ruiz estimating the town had "
            '"between 30 and 40 hours left" at a council meeting on Tuesday.')
    c = one(claims_of(text, published="2024-10-31"), "hours left")
    assert c["said_on"] == "2024-10-29"


def test_a_time_in_one_part_of_a_statement_does_not_date_the_other(claims_of):
    # "said A and that B on Friday": the two parts are one statement; Friday is when B happens
    claims = claims_of("The governor said six bridges were closed and that schools would stay shut on Friday.",
                       published="2024-10-28")
    assert len(claims) == 2 and [c["said_on"] for c in claims] == [None, None]
    assert claims[1]["event_time"] == "2024-11-01"


def test_a_body_named_two_ways_keeps_its_day(claims_of):
    # "the Department of Fisheries" and then "the Fisheries Department": one speaker
    text = ("A statement from the Department of Fisheries on Saturday said that the catch had fallen by half. "
            "Warmer water explains the fall, the Fisheries Department added.")
    claims = claims_of(text, published="2024-10-28")  # a Monday
    assert [c["said_on"] for c in claims] == ["2024-10-26", "2024-10-26"]
    # two bodies that share a word are not one
    text = ("The Department of Fisheries said on Saturday that the catch had fallen. "
            "Prices will rise, the Department of Trade added.")
    assert one(claims_of(text, published="2024-10-28"), "Prices")["said_on"] is None


def test_a_year_in_the_speakers_name_is_not_the_day_of_saying(claims_of):
    text = "The Titanic (1997) director said in an interview that he had feared the worst."
    assert claims_of(text, published="2024-10-28")[0]["said_on"] is None
    # a day in it is: "a Monday statement"
    assert claims_of("A Monday statement from the ministry said the port was closed.", published="2024-10-30")[0]["said_on"] == "2024-10-28"


def test_a_closing_occasion_of_speaking_is_no_content_and_dates_the_saying(claims_of):
    text = ("Governor Ana Ruiz said the levee had been breached shortly before dawn on Tuesday, in a speech to "
            "regional leaders on June 6. \"It was a deliberate act,\" Ruiz said.")
    claims = claims_of(text, published="2023-06-09")
    breach = one(claims, "levee")
    assert "speech" not in breach["content"] and breach["content"].endswith("on Tuesday")
    assert [c["said_on"] for c in claims] == ["2023-06-06", "2023-06-06"]


def test_the_occasion_named_before_dates_a_claim_said_at_it(claims_of):
    text = ("Captain Lars Holm of the Coast Guard said during a Wednesday press conference that a plane had heard the noises. "
            "\"The noises may come from sea life,\" Mara Quist, an acoustics expert, told reporters at the press conference. "
            "\"We are hopeful,\" Tomas Berg, a diver, told reporters at a conference.")
    claims = claims_of(text, published="2023-06-23")  # a Friday
    assert one(claims, "sea life")["said_on"] == "2023-06-21"
    assert one(claims, "hopeful")["said_on"] is None  # "a conference": another one, of no known day


def test_speakers_of_one_body_are_not_one_speaker(claims_of):
    text = ("During the press conference on Monday, Rear Admiral Karl Voss of the Coast Guard said the vessel had 70 hours of air. "
            "Captain Lars Holm of the Coast Guard, who spoke to the press at another conference, said that 40 hours were left.")
    claims = claims_of(text, published="2023-06-23")
    assert one(claims, "70 hours")["said_on"] == "2023-06-19"
    assert one(claims, "40 hours")["said_on"] is None


def test_a_figure_as_of_a_named_day_was_given_that_day(claims_of):
    text = ("The flood has killed 10 people, with another 41 missing as of Monday, the ministry said. "
            "The toll stood at 20 as of June 3, Mayor Ines Dias said. "
            "As of this morning, 1,852 houses are flooded, Governor Ana Ruiz said.")
    claims = claims_of(text, published="2023-06-14")  # a Wednesday
    assert one(claims, "41 missing")["said_on"] == "2023-06-12"
    assert one(claims, "stood at 20")["said_on"] is None  # a figure of then, given any day after
    assert one(claims, "houses")["said_on"] is None  # a quote's "this morning" is of the quote's day


def test_made_the_remarks_on_a_day_dates_the_speakers_claims_near_it(claims_of):
    text = ("A surgeon has denounced a report by the group as unfounded, saying it was published without an investigation. "
            "Professor Omar Haddad made the remarks during a lecture in Doha on Tuesday. "
            "Haddad said that the group never spoke to witnesses. "
            "Officials said on Monday that the port was shut. "
            "The river rose. The river fell. The river rose again. "
            "Haddad said that the report would be withdrawn.")
    claims = claims_of(text, published="2023-12-06")  # a Wednesday
    assert one(claims, "without an investigation")["said_on"] == "2023-12-05"
    assert one(claims, "witnesses")["said_on"] == "2023-12-05"
    assert one(claims, "withdrawn")["said_on"] is None  # four sentences on: another time, perhaps


def test_made_this_statement_on_a_day_dates_the_claims_around_it(claims_of):
    text = ("Deputy Minister Hana Kovacs said that the border was calm. "
            "Kovacs made this statement at a briefing on April 8. "
            "According to her, the army had left the region. "
            "Kovacs made this decision on April 9.")  # a decision, no statement: dates nothing
    claims = claims_of(text, published="2025-04-10")
    assert one(claims, "border")["said_on"] == "2025-04-08"
    assert one(claims, "army")["said_on"] == "2025-04-08"


def test_a_family_name_written_first_carries_the_speakers_day(claims_of):
    text = ("\"Such reports are groundless,\" Foreign Ministry spokesman Wu Qian told reporters in Beijing on Wednesday. "
            "\"The other side needs to act with restraint,\" Wu added. "
            "Qian Li, a trader, said prices were stable.")
    claims = claims_of(text, published="2025-04-10")  # a Thursday
    assert one(claims, "restraint")["source"]["name"] == "Wu Qian"
    assert one(claims, "restraint")["said_on"] == "2025-04-09"
    assert one(claims, "prices")["source"]["name"] == "Qian Li"


def test_a_bodys_initials_carry_its_day(claims_of):
    text = ("On Friday, the Norwegian Directorate of Naval Intelligence (NDNI) stated that the hull had cracked. "
            "The NDNI naval agency also said that no mine was found. "
            "US officials said on Monday that the port was shut. "
            "US envoys believed the ship was old.")  # past: a present tense is the article's day
    claims = claims_of(text, published="2023-10-21")  # a Saturday
    assert one(claims, "hull")["said_on"] == "2023-10-20"
    assert one(claims, "mine")["said_on"] == "2023-10-20"
    assert one(claims, "ship was old")["said_on"] is None  # a country's initials name no one body


def test_one_of_a_group_speaks_on_the_groups_day(claims_of):
    text = ("Rescued miners told journalists they hoped to go home during a press conference on Monday. "
            "The mine had been closed for a year. "
            "\"I want to see my children,\" said one of the men, 41-year-old Piotr Nowak. "
            "The other, 38-year-old Jan Kowal, added: \"We were lucky.\" "
            "One official said the shaft would be sealed.")
    claims = claims_of(text, published="2023-10-18")  # a Wednesday
    assert one(claims, "hoped")["said_on"] == "2023-10-16"
    assert one(claims, "children")["said_on"] == "2023-10-16"
    assert one(claims, "lucky")["said_on"] == "2023-10-16"
    assert one(claims, "sealed")["said_on"] is None  # "one official" is no one of the group


def test_a_response_published_on_a_day_was_made_that_day(claims_of):
    text = ("The Daily Ledger published a lengthy editor's note Monday responding to criticism of its coverage "
            "of a fire at a warehouse last week. The Ledger wrote that its first report had been wrong.")
    claims = claims_of(text, published="2023-10-25")  # a Wednesday
    assert one(claims, "criticism")["said_on"] == "2023-10-23"  # not the fire's "last week"
    assert one(claims, "first report")["said_on"] == "2023-10-23"


def test_a_lead_in_the_present_takes_the_day_of_the_statement_it_sums_up(claims_of):
    text = ("Prime Minister Lena Brandt says Norway is working with allies to find out what happened. "
            "\"We are working closely with allies,\" Brandt said at a press conference on Thursday. "
            "Mayor Ines Dias says the harbour is safe. The tide rose. The tide fell. The tide rose again. "
            "\"It is safe,\" Dias said on Friday.")
    claims = claims_of(text, published="2023-10-21")  # a Saturday
    assert one(claims, "Norway")["said_on"] == "2023-10-19"
    assert one(claims, "harbour")["said_on"] is None  # past the lead, and no quote of it just after


def test_this_assessment_was_given_on_a_day_dates_the_claim_before(claims_of):
    text = ("During the briefing on Monday, Captain Karl Voss said the crew had 70 hours of air. "
            "Captain Lars Holm, who spoke to the press later, stated that about 40 hours of air remained. "
            "This assessment was updated shortly after 6 pm on Tuesday.")
    claims = claims_of(text, published="2023-06-21")  # a Wednesday
    assert one(claims, "40 hours")["said_on"] == "2023-06-20"
    assert one(claims, "70 hours")["said_on"] == "2023-06-19"


def test_a_meeting_the_words_were_said_at_dates_them(claims_of):
    text = ("Mayor Ines Dias told Governor Ana Ruiz that the port was not to blame for the spill when they met "
            "Wednesday morning. \"It would have left a different trace,\" Dias said. "
            "Dias said that the fleet will be safe when it sails alongside the tankers.")
    claims = claims_of(text, published="2023-10-19")  # a Thursday
    meeting = one(claims, "not to blame")
    assert meeting["content"].endswith("for the spill") and meeting["said_on"] == "2023-10-18"
    assert one(claims, "different trace")["said_on"] == "2023-10-18"
    assert one(claims, "fleet")["content"].endswith("alongside the tankers")  # a clause of what is said stays in it


def test_a_report_the_next_sentence_quotes_with_its_day_takes_that_day(claims_of):
    text = ("A spokesperson for the council, Lena Brandt, said the assessment was based on radar data. "
            "\"Our current assessment is that the navy is not responsible,\" Brandt said in a statement on Wednesday. "
            "Brandt had said earlier that the data was thin. \"It was clear,\" Brandt said on Thursday.")
    claims = claims_of(text, published="2023-10-20")  # a Friday
    assert one(claims, "radar data")["said_on"] == "2023-10-18"
    assert one(claims, "data was thin")["said_on"] is None  # put before: not the day of the quote after it
    far = ("Lena Brandt said the port was closed. The tide rose. The tide fell. The tide rose again. "
           "\"It is closed,\" Brandt said on Wednesday.")
    assert one(claims_of(far, published="2023-10-20"), "port was closed")["said_on"] is None  # three sentences on


def test_a_body_and_its_initials_are_one_speaker(claims_of):
    text = ("The Marine Safety Board has sent a team to the port and issued a statement this afternoon to say it is "
            "opening an inquiry into the ferry's role. \"We will work with other agencies,\" the MSB said.")
    claims = claims_of(text, published="2023-06-23")
    opening = one(claims, "opening an inquiry")
    assert opening["source"]["name"] == "Marine Safety Board" and opening["said_on"] == "2023-06-23"
    assert one(claims, "other agencies")["said_on"] == "2023-06-23"


def test_a_quote_paragraph_after_a_dated_post_takes_its_day_whatever_times_it_or_its_neighbours_hold(claims_of):
    # the quote before names "Today" and this one "on October 1": times inside what is said, not of saying
    text = ("Late Saturday night, Harbour Minister Lena Brandt posted that the port was safe.\n\n"
            "“Today I am releasing the inspectors’ findings,” Brandt posted.\n\n"
            "“The inspection shows with a high degree of confidence that the quay did not collapse on October 1.”")
    claims = claims_of(text, published="2024-10-06")  # a Sunday
    assert [c["said_on"] for c in claims] == ["2024-10-05"] * 3, [(c["content"], c["said_on"]) for c in claims]


def test_a_day_set_off_right_after_the_cue_is_the_day_of_saying(claims_of):
    claims = claims_of("The mayor said Monday, October 10, the ferries had carried 40 cars to Porto.", "2022-10-11")
    assert [c["said_on"] for c in claims] == ["2022-10-10"]


def test_a_day_hung_on_the_cues_as_complement_is_the_day_of_saying(claims_of):
    # "rejected X as baseless on Wednesday": the parser hangs the day on "baseless"
    text = ("Harbour spokesman Piet Laan rejected claims of large numbers of Belgian sailors working for the port "
            "as baseless on Wednesday. The union dismissed the reports as a provocation on Monday.")
    claims = claims_of(text, published="2025-04-11")  # a Friday
    assert one(claims, "baseless")["said_on"] == "2025-04-09"
    assert one(claims, "provocation")["said_on"] == "2025-04-07"


def test_each_person_of_a_pair_that_spoke_on_a_day_keeps_that_day(claims_of):
    # "Wang Guangjun and Zhang Renbo ... said on Monday", then "Wang said": a family name that comes first
    text = ("The two sailors, Chen Haoyu and Liu Mingde, spoke publicly for the first time on Monday and said they "
            "had been misled by the agency. Chen said the contract promised work in a shipyard.")
    claims = claims_of(text, published="2025-04-14")  # a Monday
    assert one(claims, "misled")["said_on"] == "2025-04-14"
    assert one(claims, "shipyard")["said_on"] == "2025-04-14"


def test_a_day_the_parser_hangs_on_the_clause_after_the_cue_dates_the_saying(claims_of):
    # "said on Monday the ferries had left": with no "that", the parser puts the day inside the clause
    claims = claims_of("The harbour master said on Monday the ferries had left the port.", "2025-04-15")  # a Tuesday
    c = one(claims, "ferries")
    assert c["content"] == "the ferries had left the port" and c["said_on"] == "2025-04-14"
    # a place there is what was said
    c = one(claims_of("The harbour master said on the quay the ferries had left the port.", "2025-04-15"), "ferries")
    assert c["said_on"] is None


def test_an_occasion_of_saying_with_no_comma_is_no_part_of_what_was_said(claims_of):
    text = "Two sailors told journalists they hoped to be sent home during a press conference on Monday."
    c = one(claims_of(text, "2025-04-15"), "hoped")
    assert c["content"] == "they hoped to be sent home" and c["said_on"] == "2025-04-14"



def test_a_span_of_days_for_the_saying_ends_by_the_day_the_article_came_out(claims_of):
    # "earlier this week" in an article of Thursday: Monday to Thursday, not to Sunday
    c = one(claims_of("Earlier this week, the harbour office denied the reports.", published="2024-10-31"), "reports")
    assert c["said_on"] == ["2024-10-28", "2024-10-31"]
    # a span wholly before the article stays as it is
    c = one(claims_of("Lena Brandt told the paper last month that she had warned the port.", published="2024-10-31"), "warned")
    assert c["said_on"] == ["2024-09-01", "2024-09-30"]


def test_a_present_tense_cue_is_said_on_the_articles_day(claims_of):
    text = ("Harbour master Lena Brandt says the port will stay shut. She said the cranes were damaged. "
            "The union has long said the quay was unsafe. \"We warned them,\" a docker says.")
    claims = claims_of(text, published="2024-10-31")
    assert one(claims, "port will stay shut")["said_on"] == "2024-10-31"
    assert one(claims, "cranes were damaged")["said_on"] == "2024-10-31"  # the same speaker next: that day too
    assert one(claims, "quay was unsafe")["said_on"] is None  # "has long said": some day before
    assert one(claims, "We warned them")["said_on"] == "2024-10-31"
    # "said" with no day may be any day before the article
    assert one(claims_of("The harbour master said the port will stay shut.", published="2024-10-31"), "port")["said_on"] is None
