// The two languages every output speaks: zh (the default, the policies' own) and en. At the bottom of the
// layers so that the batch, the server and the CLI need not import it from the reports.
export type Lang = 'zh' | 'en';
