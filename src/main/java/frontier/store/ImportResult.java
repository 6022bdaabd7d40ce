package frontier.store;

import java.util.List;

/**
 * What one committed import did.
 *
 * @param replacedRows rows of earlier imports deleted because of {@link OverlapPolicy#REPLACE}
 * @param notes        things worth telling the user (assumptions made while reading)
 */
public record ImportResult(ImportRecord record, List<AccountPeriod> accounts, long replacedRows, List<String> notes) {}
