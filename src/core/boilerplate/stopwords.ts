// Small multilingual stop-word list (en, fr, de, es, pt, it, nl, id): running
// prose has many of them, menus, share bars and name lists have few.
const WORDS = `
a about after all also an and any are as at be been before but by can could did do does for from had has have he her
his how i if in into is it its just more most my no not of on one or our out over she so some than that the their them
then there these they this to up was we were what when which while who will with would you your
le la les un une des du de et en est que qui dans pour pas sur au aux avec ce cette il elle ils sont été par plus ne se
sa son ses leur mais ou où comme aussi
der die das ein eine und ist nicht zu den dem des mit von auf für im sich es auch als an wie bei nach aus er sie wird
hat sind war noch nur oder über
el los las una y es en que del se por con para al lo como más pero sus su le ya fue ha este esta son
o os um uma e é do da dos das no na nos nas em que para com por não mais foi ao se seu sua como mas
il lo gli le di che è per non con una sono ma più anche del della nel alla
het een en van de is dat niet op te zijn met voor aan er maar ook als bij
yang dan di ke dari ini itu dengan untuk dalam tidak akan pada juga oleh ada adalah atau karena telah sudah
`;

export const STOP_WORDS: ReadonlySet<string> = new Set(WORDS.split(/\s+/).filter((w) => w.length > 0));
