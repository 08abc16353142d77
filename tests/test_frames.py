"""Frames of claims (`semantics.frames`) on invented sentences, and what linking does with them."""
from __future__ import annotations

import pytest

from storyledger.semantics.frames import speaker_country

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def frame(nlp):
    from storyledger.semantics.frames import frame_of

    def go(text: str, speaker: str | None = None):
        return frame_of(nlp(text)[:], speaker)
    return go


@pytest.mark.parametrize("text, speaker, expected", [
    # one act, said many ways: the giver is the agent
    ("Portugal supplied tanks to Spain", None, ("PT", "transfer", "tank", "ES")),
    ("Spain bought the tanks from Portugal", None, ("PT", "transfer", "tank", "ES")),  # to the buyer
    # an order placed is a transfer still to come, whoever the parser hangs the seller on
    ("Spain has ordered 200 tanks from Portugal", None, ("PT", "transfer (planned)", "tank", "ES")),
    ("Spain ordered Portuguese-made tanks from the Lisbon government", None, ("PT", "transfer (planned)", "tank", "ES")),
    ("Spain plans to buy more tanks from Portugal", None, ("PT", "transfer (planned)", "tank", "ES")),
    ("the delivery of Portuguese tanks to Spain", None, ("PT", "transfer", "tank", "ES")),
    ("Lisbon has not sent any tanks to Madrid", None, ("PT", "transfer", "tank", "ES")),
    ("Portugal of supplying tanks to Spain", None, ("PT", "transfer", "tank", "ES")),  # accused ... of
    # "we", "it", "his country": the side the speaker speaks for
    ("We have not provided any weaponry to either side", "PT", ("PT", "transfer", "weapons", None)),
    ("it had not provided Spain with tanks", "PT", ("PT", "transfer", "tank", "ES")),
    ("we did provide a limited number of tanks to Spain", "PT", ("PT", "transfer", "tank", "ES")),  # what was counted
    ("Portugal gave Spain a few tanks", None, ("PT", "transfer", "tank", "ES")),
    ("Lisbon gave Madrid only a limited number of drones", None, ("PT", "transfer", "drones", "ES")),  # Madrid parsed the object
    # troops, soldiers and personnel are one theme; "North Korean" is North Korea
    ("North Korean soldiers were sent to Russia", None, ("KP", "transfer", "troops", "RU")),
    ("Pyongyang has deployed troops to Russia", None, ("KP", "transfer", "troops", "RU")),
    # being there is where the transfer ended; sent elsewhere is another frame
    ("North Korean troops have arrived in Russia", None, ("KP", "transfer", "troops", "RU")),  # what arrived went
    ("some 8,000 Brazilian soldiers had arrived in Spain", None, ("BR", "transfer", "troops (count)", "ES")),
    # a force's units and contingents are troops
    ("Brazilian units had been deployed to Spain", None, ("BR", "transfer", "troops", "ES")),
    ("Lisbon has sent a contingent to Spain", None, ("PT", "transfer", "troops", "ES")),
    ("Belarusian soldiers are now in Serbia", None, ("BY", "transfer", "troops", "RS")),  # being there
    ("Portuguese drones are not in Spain", None, ("PT", "transfer", "drones", "ES")),
    # counted, being there is a count of the force (the seed's count proposition)
    ("There are now about 10,000 Belarusian soldiers in Serbia", None, ("BY", "transfer", "troops (count)", "RS")),
    ("the number of Belarusian soldiers in Serbia could reach 12,000", None, ("BY", "transfer", "troops (count)", "RS")),
    # a force seen there, reported there or present there is there too
    ("Belarusian troops have been spotted in Serbia", None, ("BY", "transfer", "troops", "RS")),
    ("reports of Belarusian troops in Serbia are groundless", None, ("BY", "transfer", "troops", "RS")),
    ("the presence of Belarusian soldiers in Serbia", None, ("BY", "transfer", "troops", "RS")),
    # "its territory", "our soil": the speaker's country
    ("Belarusian military personnel were present on its territory", "RS", ("BY", "transfer", "troops", "RS")),
    ("Belarusian troops are on our soil", "RS", ("BY", "transfer", "troops", "RS")),
    # "their presence" is the force named before, there, its country unsaid
    ("Their presence was confirmed in the south (of Serbia - ed.)", None, (None, "transfer", "troops", "RS")),
    ("their presence in Serbia has been confirmed", None, (None, "transfer", "troops", "RS")),
    # military trainers are troops; the act the content states comes before one inside it
    ("Portugal has sent instructors to Spain", None, ("PT", "transfer", "troops", "ES")),
    ("Belarusian trainers are in Serbia helping Serbian forces operate drones", None, ("BY", "transfer", "troops", "RS")),
    ("Pyongyang could send troops to the occupied territories of Ukraine", None, ("KP", "transfer", "troops", "UA")),
    # who was behind an attack
    ("Madrid's forces were behind the blast", None, ("ES", "attack", None, None)),
    ("Portugal was not responsible for the explosion", None, ("PT", "attack", None, None)),
    ("the Kremlin sabotaged the dam", None, ("RU", "attack", "dam", None)),
    # what an attack used is no target; an act as a light verb's object is its subject's
    ("Spanish forces detonated explosives in the dam", None, ("ES", "attack", None, None)),
    ("Spanish troops carried out an internal detonation of the dam", None, ("ES", "attack", "dam", None)),
    ("All responsibility lies with the Madrid regime", None, ("ES", "attack", None, None)),
    # using: what was used to do something; flown ("piloting") is used too
    ("Spain had used Morocco-made drones to attack dozens of civilian targets", None, ("ES", "use", "drones", None)),  # drones parsed as the subject of "attack"
    ("Spanish military personnel have been piloting Portuguese UAVs", None, ("ES", "use", "drones", None)),
    # a relative clause's act is its noun's; a cleft's is the one "it was"
    ("it was Spain that blew up the dam", None, ("ES", "attack", "dam", None)),
    ("it was Spanish troops who attacked the hospital, and not the army", None, ("ES", "attack", "hospital", None)),
    ("Portuguese soldiers, who were sent to Spain last week", None, ("PT", "transfer", "troops", "ES")),
    # a blame the content tells of: an attack by the one blamed (an event that is no attack: none)
    ("an initial rebel statement blaming Spain for Tuesday's explosion", None, ("ES", "attack", None, None)),
    # a charge planted, a structure mined: an attack by who set it
    ("the collapse was caused by explosives planted by Spanish troops", None, ("ES", "attack", None, None)),
    ("It was mined by the Spanish occupiers and detonated by them", None, ("ES", "attack", None, None)),
    ("The Madrid regime should bear full responsibility for the consequences", None, ("ES", "attack", None, None)),
    # a projectile's firing or origin is an attack by the country it came from, or whose it was
    ("the explosion was caused by an errant rocket fired from Lebanon", None, ("LB", "attack", None, None)),
    ("a misfired rocket launched from Syria hit the market", None, ("SY", "attack", None, None)),
    ("the rocket that hit the market was launched by Syrian militants", None, ("SY", "attack", None, None)),
    ("the most likely cause of the explosion was a misfired Lebanese rocket", None, ("LB", "attack", None, None)),
    ("the blast came from within Lebanon", None, ("LB", "attack", None, None)),
    ("an analysis indicates that a barrage of rockets was fired by Syrian militants", None, ("SY", "attack", None, None)),
    # a part's country is its whole's; "its" and "our" are the speaker's side
    ("one of its rockets hit the market", "SY", ("SY", "attack", "market", None)),
    ("some of our drones were sent to Spain", "PT", ("PT", "transfer", "drones", "ES")),
    # the one blamed for a blast, and a massacre, are an attack's agent
    ("Syria for the massive blast at the market", None, ("SY", "attack", None, None)),  # [blamed] ... for
    ("the Syrian army for the explosion", None, ("SY", "attack", None, None)),
    ("the Syrian massacre at the market", None, ("SY", "attack", None, None)),
    # buying with no seller named: the buyer's act; goods of another country's making: its transfer
    ("Spain has ordered 2,400 tanks", None, ("ES", "acquire", "tank", None)),
    ("Spain received its first shipment of the Portugal-made drones in May", None, ("PT", "transfer", "drones", "ES")),
    ("the question about purchases of Portuguese drones", None, ("PT", "transfer", "drones", None)),
    # an act still to come is another act than one done; "could" is no announcement
    ("Portugal is preparing to provide Spain with drones", None, ("PT", "transfer (planned)", "drones", "ES")),
    ("Lisbon plans to send more drones to Madrid", None, ("PT", "transfer (planned)", "drones", "ES")),
    ("Portugal will send troops to Spain", None, ("PT", "transfer (planned)", "troops", "ES")),
    ("the Portuguese army is set to deliver drones to Spain", None, ("PT", "transfer (planned)", "drones", "ES")),
    # a transfer whose giver is unsaid, when what went and where are said
    ("a small batch of drones was shipped to Spain", None, (None, "transfer", "drones", "ES")),
    ("soldiers had been sent to Serbia", None, (None, "transfer", "troops", "RS")),
    ("about 10,000 soldiers had been sent to Serbia for training", None, (None, "transfer", "troops (count)", "RS")),
])
def test_frame_of_an_act(frame, text, speaker, expected):
    assert frame(text, speaker) == expected


@pytest.mark.parametrize("text", [
    "Iranian drones were seen in Ukraine",  # arms seen somewhere were used there, not given to it
    "we see Iranian drones in the sky over Kyiv",
    "Belarusian troops were seen near the border",  # no country they are in
    "their presence was confirmed near the border",
    "his presence in Serbia was confirmed",  # one person is no force
    "Belarusian troops are on our soil",  # "our" with no side known
])
def test_seen_arms_and_nowhere_are_no_presence(frame, text):
    assert frame(text) is None


@pytest.mark.parametrize("text", [
    "The harbour was closed on Monday",
    "the minister supplied the figures to reporters",  # no country acts
    "We have not sent any tanks",  # "we" with no side known
    "the Portuguese minister is in Madrid",  # a person is no force
    "drones were shipped last spring",  # no giver, no destination: too little to be one act
    "the agency released its findings by order of the Portuguese president",  # an order is no purchase
    "the doctor received Portuguese orders for evacuation",  # nor are orders goods
    "Turkey launched an investigation into the blast",  # a launch of no projectile is no attack
    "the rocket hit the market",  # whose rocket, unsaid
    "the delegation came from Lebanon",  # what came is no blast
    "the weather for the delay",  # [blamed] no country, for no blast
    "Syria for the delay",  # nor is a delay an attack
    "their rockets hit the market",  # "their": another side's, unknown
])
def test_no_frame(frame, text):
    assert frame(text) is None


@pytest.mark.parametrize("text, expected", [
    # a force in combat, however it got there and whenever: the force's own country, or unsaid for "they"
    ("they are not on the front line yet", (None, "combat", None, None)),
    ("They will be ready for combat by the end of the month", (None, "combat", None, None)),
    ("the first Belarusian soldiers would be used by Serbia in combat zones", ("BY", "combat", "troops", None)),
    ("Serbia has sent Belarusian troops to the front", ("BY", "combat", "troops", None)),
    ("the plan to send soldiers from Belarus to the front in Croatia is a fabrication", ("BY", "combat", "troops", None)),
    ("several thousand soldiers are being trained in Serbia and may be sent to the front", (None, "combat", "troops", None)),
    ("Belarusian troops are fighting on the battlefield", ("BY", "combat", "troops", None)),
    # sent or used to take or hold ground
    ("Serbia could send Belarusian troops to capture Vukovar in the east", ("BY", "combat", "troops", None)),
    ("Serbia sent soldiers from Belarus to storm the town", ("BY", "combat", "troops", None)),
])
def test_a_force_in_combat(frame, text, expected):
    assert frame(text) == expected


@pytest.mark.parametrize("text, expected", [
    # fighting for a side: the fighters' country, "fight", "troops" whoever they are, the side
    ("Portuguese citizens are fighting for Spain in the north", ("PT", "fight", "troops", "ES")),
    ("Portuguese nationals were fighting alongside Spanish troops", ("PT", "fight", "troops", "ES")),
    ("mercenaries from Portugal served in the Spanish army", ("PT", "fight", "troops", "ES")),
    ("the Portuguese were fighting on the side of Spain", ("PT", "fight", "troops", "ES")),
    ("reports that Portuguese volunteers are fighting in Morocco as false", ("PT", "fight", "troops", None)),
    ("They fight on the territory of Morocco.", (None, "fight", "troops", None)),
    # the nationality the parser makes an adjective of the gerund ("Portuguese fighting")
    ("claims of large numbers of Portuguese fighting alongside Madrid's troops as baseless", ("PT", "fight", "troops", "ES")),
    ("reports of Portuguese fighting for Spain", ("PT", "fight", "troops", "ES")),
    # people of a country taking part in the war: their fight (the country's own involvement is not)
    ("the soldiers are recording the participation of mercenaries from Portugal and Chad", ("PT", "fight", "troops", None)),
    ("the involvement of Portuguese citizens in the war is a provocation", ("PT", "fight", "troops", None)),
    ("the participation of 300 Portuguese soldiers in the war", ("PT", "fight", "troops (count)", None)),
    # taking part in the war, taking up arms, being involved in the war: a fight
    ('"several hundred" Portuguese nationals were taking part in the war on the Spanish side', ("PT", "fight", "troops (count)", None)),
    ("Portuguese citizens are now taking up arms alongside Spanish troops", ("PT", "fight", "troops", None)),
    ("at least 155 Portuguese nationals were involved in the war against Morocco", ("PT", "fight", "troops (count)", None)),
    # counted, they are a count of the force: another proposition than its being there
    ("more than 300 Portuguese citizens are fighting for Spain", ("PT", "fight", "troops (count)", "ES")),
    ("the number of Portuguese nationals fighting for Spain is much higher", ("PT", "fight", "troops (count)", "ES")),
    ("many more Portuguese citizens are fighting for Spain", ("PT", "fight", "troops (count)", "ES")),
    # so is a force counted as it is sent or is there; an open question of how many counts nothing,
    # and arms counted are still the supply
    ("Portugal has sent 3,000 troops to Spain", ("PT", "transfer", "troops (count)", "ES")),
    ("there are 3,000 Portuguese soldiers in Spain", ("PT", "transfer", "troops (count)", "ES")),
    ("it is not clear how many trainers Portugal has sent to Spain", ("PT", "transfer", "troops", "ES")),
    ("Portugal supplied 400 drones to Spain", ("PT", "transfer", "drones", "ES")),
    # taken captive: the captor's country (unsaid in the passive), "people", the captives' country
    ("Moroccan forces captured two Portuguese citizens who were fighting for Spain", ("MA", "capture", "people", "PT")),
    ("two Portuguese soldiers were taken prisoner near the border", (None, "capture", "people", "PT")),
    ("the capture of two Portuguese fighters near the village", (None, "capture", "people", "PT")),
    ("Moroccan troops detained three men of Portuguese origin", ("MA", "capture", "people", "PT")),
    ("Rabat arrested two Portuguese citizens fighting alongside Spanish forces", ("MA", "capture", "people", "PT")),
    # recruited: the recruiter's country, "recruit", "people", the recruits' country
    ("Spain was recruiting Portuguese nationals via social media", ("ES", "recruit", "people", "PT")),
    ("the recruitment of Portuguese citizens continues", (None, "recruit", "people", "PT")),
])
def test_a_side_fought_for_and_a_capture(frame, text, expected):
    assert frame(text) == expected


@pytest.mark.parametrize("text", [
    "Moroccan forces fought six Portuguese soldiers near the village",  # a battle: no side fought for
    "Spanish soldiers are fighting for Spain",  # a country's own force
    "stories of heavy fighting near the border",  # fighting, no fighters
    "the involvement of Portugal in the war",  # the country itself: another proposition
    "their participation in the talks",
    "the villagers planted trees near the dam",  # a plant that is no charge
    "residents were blaming Spain for the blackout",  # a blame for no attack
    "the company is recruiting engineers",  # no one's people
    "the Spanish pilot said the weather was fine",  # a pilot is no act
    "Portuguese firms took part in the tender",  # taking part in no war
    "Portuguese diplomats were involved in the talks",
    "the Spanish power plant was shut down",
    "the union will fight for higher wages",  # no one's force
    "the police captured the stolen paintings",  # no people taken
    "the police arrested the suspect's car",  # no one's people taken
    "he served in the government for ten years",  # no side in a war
])
def test_no_side_and_no_capture(frame, text):
    assert frame(text) is None


@pytest.mark.parametrize("text", [
    "the crowd gathered in front of the hospital",  # a place before something
    "they were united on the economic front",  # a front that is no front line
    "the reporters went to the front of the hall",
    "the army used drones to attack the port",  # arms are no force sent in
    "the club sent its scouts to watch the match",  # no assault
])
def test_no_combat(frame, text):
    assert frame(text) is None


@pytest.mark.parametrize("name, cc", [("Belarus", "BY"), ("the United States", "US"), ("Netherlands", "NL"),
                                      ("Cyprus", "CY"), ("Russia's", "RU"), ("Iran’s", "IR"), ("the U.S.", "US")])
def test_a_country_whose_name_ends_in_s(name, cc):
    from storyledger.semantics.frames import country_of_name

    assert country_of_name(name) == cc  # a possessive is dropped, not every final "s"


def test_the_side_a_speaker_speaks_for():
    assert speaker_country("Rui Lobo", "person", ["Portuguese Foreign Ministry spokesman"]) == "PT"
    assert speaker_country("Tehran", "organization", []) == "IR"
    assert speaker_country("the Kremlin", "organization", []) == "RU"
    assert speaker_country("Reuters", "media", []) is None
    assert speaker_country("Jane Roe", "person", ["British explorer"]) is None


def test_a_place_inside_a_country_is_that_country(nlp):
    # the places of the document, as `find_places` reads them in context, give the destination
    from storyledger.pipeline import countries_of_places
    from storyledger.semantics.frames import frame_of
    from storyledger.semantics.places import find_places

    doc = nlp("Officials said Belarusian troops were sent to Porto. Officials said Belarusian soldiers are now in Braga.")
    places = countries_of_places(doc, find_places(doc))
    sent = [s for s in doc.sents]
    assert frame_of(doc[2:sent[0].end - 1], None, places) == ("BY", "transfer", "troops", "PT")
    assert frame_of(doc[sent[1].start + 2:sent[1].end - 1], None, places) == ("BY", "transfer", "troops", "PT")
    assert frame_of(doc[2:sent[0].end - 1], None) == ("BY", "transfer", "troops", None)  # with no places read


def test_the_accused_of_an_act_is_its_agent(nlp):
    from storyledger.semantics.frames import frame_of

    doc = nlp("The mayor accused Portuguese troops on Tuesday of shelling the dam.")
    assert frame_of(doc[3:-1]) == ("PT", "attack", "dam", None)  # "Portuguese troops on Tuesday of shelling the dam"


def test_a_denial_of_a_counted_force_denies_the_act_not_the_count():
    # the frame of the denial meets the plain "they are fighting" claims, not the counts of them
    from storyledger.documents import Document
    from storyledger.pipeline import extract

    def frames(text):
        return [(c.stance, c.frame) for c in extract(Document(id="t", text=text))]

    assert frames("The ministry rejected as false claims that 300 Portuguese citizens were fighting for Spain.") == \
        [("denied", ("PT", "fight", "troops", "ES"))]
    assert frames("The ministry said that 300 Portuguese citizens were fighting for Spain.") == \
        [("asserted", ("PT", "fight", "troops (count)", "ES"))]


@pytest.mark.parametrize("text, expected", [
    # where heard sounds came from, whoever says it: one frame with no agent
    ("the rescuers said the knocking sounds came from the trapped miners", (None, "origin", "sounds", None)),
    ("the tapping could have been made by fish", None),  # "made by" without the sound as object: no word of origin
    ("whales can also make noises that confuse the sonar", (None, "origin", "sounds", None)),
    ("the regular intervals of the noises indicate a human origin", (None, "origin", "sounds", None)),
    ("there is no connection between the sounds and the wreck site", (None, "origin", "sounds", None)),
    ("the noises may have originated from the old mine shafts", (None, "origin", "sounds", None)),
    ("we do not know what (the noises) are", (None, "origin", "sounds", None)),
    ("it is unclear what some sounds heard near the pier actually are", (None, "origin", "sounds", None)),
    ("nobody knows what the noise level is in the city", None),
    ("that sounds like a plan which suggests they came from the capital", None),  # a verb, no sound
    # the search for it is what was done, not said of the sounds; a sound heard says nothing of its origin
    ("the divers moved north in an attempt to find the origin of the noises", None),
    ("the sound of the blast was heard across the city", None),
])
def test_where_sounds_came_from(frame, text, expected):
    assert frame(text) == expected
