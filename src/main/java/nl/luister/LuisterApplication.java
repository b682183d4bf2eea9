package nl.luister;

import nl.luister.enrich.EnrichCli;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Starts Luister: one jar for every role, chosen by configuration. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class LuisterApplication {

	public static void main(String[] args) {
		if (args.length > 0 && EnrichCli.handles(args[0])) {
			System.exit(EnrichCli.run(args, System.out, System.err));
		}
		SpringApplication.run(LuisterApplication.class, args);
	}
}
