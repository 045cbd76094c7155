package dev.replication.campaign;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The application under fault: the starter's auto-configuration and the services the campaign's
 * clients call, nothing else.
 */
@SpringBootApplication
public class CampaignApplication {

}
