package dev.replication.webapp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a clinic receptionist does all day, scripted: search owners over several pages, open an
 * owner, register a new owner, add a pet to them, book visits for that pet and for an existing
 * one, and check that each page shown after a form's redirect shows what was just saved
 * (read-your-writes).
 */
final class BrowseAndEditFlow {

	static final Pattern ADD_VISIT_LINK = Pattern.compile("/owners/\\d+/pets/(\\d+)/visits/new");

	private final Browser browser;

	private final String run;

	private final List<String> staleReads = new ArrayList<>();

	/**
	 * Create a flow; {@code run} makes the names it saves unique across test classes that share
	 * a database.
	 */
	BrowseAndEditFlow(Browser browser, String run) {
		this.browser = browser;
		this.run = run;
	}

	void run(int loops) {
		for (int loop = 0; loop < loops; loop++) {
			loop(loop);
		}
	}

	/**
	 * Return what the pages shown after a redirect failed to show.
	 */
	List<String> staleReads() {
		return this.staleReads;
	}

	private void loop(int loop) {
		for (String search : List.of("/owners?page=1", "/owners?page=2", "/owners?page=3", "/owners?lastName=D&page=1",
				"/owners?lastName=D&page=2")) {
			this.browser.get(search);
		}
		int seedOwner = 1 + (loop * 7) % 50;
		Browser.Page details = this.browser.get("/owners/" + seedOwner);

		this.browser.get("/owners/new");
		String lastName = this.run + loop;
		Browser.Page owner = this.browser.submit("/owners/new", Map.of("firstName", "Flow", "lastName", lastName,
				"address", loop + " Test Road", "city", "Replica Falls", "telephone", String.format("%010d", loop)));
		if (owner != null) {
			expect(owner, lastName, "new owner");
			expect(owner, "New Owner Created", "flash message");
			addPetAndVisit(owner.path(), loop);
		}
		if (details != null) {
			Matcher pet = ADD_VISIT_LINK.matcher(details.body());
			if (pet.find()) {
				String description = "check-up " + this.run + " seed " + loop;
				this.browser.get(pet.group());
				Browser.Page booked = this.browser.submit(pet.group(),
						Map.of("date", "2026-06-01", "description", description));
				if (booked != null) {
					expect(booked, description, "visit of an existing pet");
				}
			}
			else {
				this.staleReads.add("owner " + seedOwner + " shows no pet to book a visit for");
			}
		}
		this.browser.get("/owners/" + seedOwner);
	}

	private void addPetAndVisit(String ownerPath, int loop) {
		String petName = "Rex " + loop;
		this.browser.get(ownerPath + "/pets/new");
		Browser.Page withPet = this.browser.submit(ownerPath + "/pets/new",
				Map.of("name", petName, "birthDate", "2020-02-02", "type", "dog"));
		if (withPet == null) {
			return;
		}
		expect(withPet, petName, "new pet");
		Matcher visitLink = ADD_VISIT_LINK.matcher(withPet.body());
		if (!visitLink.find()) {
			return;
		}
		String description = "first visit " + this.run + " " + loop;
		this.browser.get(visitLink.group());
		Browser.Page withVisit = this.browser.submit(visitLink.group(),
				Map.of("date", "2026-06-01", "description", description));
		if (withVisit != null) {
			expect(withVisit, description, "visit of the new pet");
			expect(withVisit, "Your visit has been booked", "flash message");
		}
	}

	private void expect(Browser.Page page, String text, String what) {
		if (!page.body().contains(text)) {
			this.staleReads.add(page.path() + " does not show the " + what + " '" + text + "'");
		}
	}

}
